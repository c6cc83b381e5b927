package io.serai.imap.protocol.process;

import io.serai.store.api.ContentSource;
import io.serai.store.support.mime.NulPartEncoder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The content APPEND hands to the store: the literal as it came, unless it holds NUL octets. Those can come in a
 * {@code literal8} (RFC 3516 §4.4) but cannot go out in any IMAP literal but BINARY's, so the parts that hold them
 * are stored in base64 ({@link NulPartEncoder}, as Dovecot does); their decoded content, what {@code BINARY[n]}
 * returns, is unchanged. A converted message up to {@link #IN_MEMORY} octets is kept in memory, a larger one in a
 * temporary file next to the literal's spool, deleted by {@link #close()}.
 */
final class NulFreeContent implements AutoCloseable {

    /** Converted messages up to this size stay in memory (the literal spool's default threshold is of this order). */
    static final long IN_MEMORY = 1 << 20;

    private final ContentSource source;
    private final Path file;

    private NulFreeContent(ContentSource source, Path file) {
        this.source = source;
        this.file = file;
    }

    /**
     * The content to store for {@code size} octets from {@code content}, or {@code null} when a NUL lies outside every
     * part body and no encoding can hold it; a large converted copy goes to a file in {@code directory}.
     */
    static NulFreeContent of(ContentSource content, long size, Path directory) throws IOException {
        try (InputStream in = content.open()) {
            if (!NulPartEncoder.containsNul(in)) {
                return new NulFreeContent(content, null);
            }
        }
        NulPartEncoder encoder = new NulPartEncoder();
        if (size <= IN_MEMORY) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) size * 4 / 3 + 256);
            if (encoder.encode(content::open, out) != NulPartEncoder.Result.CONVERTED) {
                return null;
            }
            byte[] bytes = out.toByteArray();
            return new NulFreeContent(() -> new ByteArrayInputStream(bytes), null);
        }
        Path file = Files.createTempFile(directory, "serai-imap-", ".base64");
        boolean converted = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            converted = encoder.encode(content::open, out) == NulPartEncoder.Result.CONVERTED;
        } finally {
            if (!converted) {
                Files.deleteIfExists(file);
            }
        }
        return converted ? new NulFreeContent(() -> Files.newInputStream(file), file) : null;
    }

    ContentSource source() {
        return source;
    }

    @Override
    public void close() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
