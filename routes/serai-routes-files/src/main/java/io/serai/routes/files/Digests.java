package io.serai.routes.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Copies a stream while counting and hashing it (SHA-256), stopping once a limit is passed. */
final class Digests {

    private Digests() {
    }

    /** What a copy wrote; {@code overLimit} means the source had more than the limit and the copy is partial. */
    record Copied(long size, String sha256, boolean overLimit) {
    }

    static Copied copy(InputStream in, OutputStream out, long limit) throws IOException {
        MessageDigest sha = sha256();
        byte[] buffer = new byte[16 * 1024];
        long size = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            if (size + n > limit) {
                return new Copied(size + n, null, true);
            }
            sha.update(buffer, 0, n);
            out.write(buffer, 0, n);
            size += n;
        }
        return new Copied(size, HexFormat.of().formatHex(sha.digest()), false);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
