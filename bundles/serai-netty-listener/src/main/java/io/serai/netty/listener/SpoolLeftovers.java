package io.serai.netty.listener;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the spool files an earlier run of a listener left behind: a crash or a kill leaves the message data it
 * was receiving, none of it acknowledged (the clients still have it), which would otherwise stay on disk for good.
 * Only files last written before this JVM started go, so a listener restarted in the same JVM never touches the
 * live files of another; spool directories must therefore not be shared between running instances.
 */
public final class SpoolLeftovers {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolLeftovers.class);

    private SpoolLeftovers() {
    }

    /** At a listener's start: deletes files matching {@code glob} older than this JVM, and logs what it did. */
    public static void deleteFromEarlierRuns(Path directory, String glob) {
        ProcessHandle.current().info().startInstant().ifPresent(started -> {
            try {
                int deleted = deleteOlderThan(directory, glob, started);
                if (deleted > 0) {
                    LOG.info("Deleted {} spool files an earlier run left behind in {}", deleted, directory);
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not look for spool files an earlier run left behind in {}", directory, e);
            }
        });
    }

    /** Deletes the regular files matching {@code glob} last modified before {@code before}; returns how many. */
    public static int deleteOlderThan(Path directory, String glob, Instant before) throws IOException {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, glob)) {
            for (Path f : files) {
                if (Files.isRegularFile(f) && Files.getLastModifiedTime(f).toInstant().isBefore(before)
                        && Files.deleteIfExists(f)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }
}
