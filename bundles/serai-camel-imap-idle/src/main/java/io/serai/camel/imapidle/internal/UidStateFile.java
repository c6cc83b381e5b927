package io.serai.camel.imapidle.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * One small text file per endpoint holding {@code uidvalidity uid}. Written to a temporary file and renamed over the
 * old one, so a crash leaves either the old or the new watermark, never half of one.
 */
public final class UidStateFile {

    private final Path file;

    public UidStateFile(Path file) {
        this.file = file;
    }

    /** The file for an account's folder on a server, named so different endpoints never share one. */
    public static UidStateFile forEndpoint(Path directory, String username, String host, int port, String folder) {
        String name = (username + "@" + host + "_" + port + "_" + folder).replaceAll("[^A-Za-z0-9@._-]", "_");
        return new UidStateFile(directory.resolve(name + ".uid"));
    }

    public Path path() {
        return file;
    }

    /** Loads the stored watermark into {@code target}; leaves it untouched when there is no file yet. */
    public void loadInto(UidWatermark target) {
        if (!Files.exists(file)) {
            return;
        }
        try {
            String[] parts = Files.readString(file, StandardCharsets.US_ASCII).trim().split("\\s+");
            if (parts.length != 2) {
                throw new IllegalStateException("imap-idle: unreadable state file " + file);
            }
            target.restore(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void save(long uidValidity, long lastUid) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, uidValidity + " " + lastUid + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
