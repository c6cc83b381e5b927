package io.serai.imap.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A killed server leaves the spool files of the literals it was receiving (no such APPEND was acknowledged). The
 * next start deletes them, and only them: files of another name, and spool files written since this JVM started
 * (a live listener's), stay.
 */
class SpoolLeftoversTest {

    @TempDir
    Path dir;

    @Test
    void startDeletesSpoolFilesOfAnEarlierRunOnly() throws Exception {
        Path spool = Files.createDirectories(dir.resolve("spool"));
        Path leftover = old(spool.resolve("serai-imap-123456.literal"));
        Path otherName = old(spool.resolve("notes.literal"));
        Path otherProtocol = old(spool.resolve("serai-smtp-99.eml"));
        Path current = Files.writeString(spool.resolve("serai-imap-777.literal"), "being received now");
        try (ServerFixture fixture = new ServerFixture(dir.resolve("store"), b -> b.spoolDirectory(spool))) {
            assertThat(leftover).doesNotExist();
            assertThat(otherName).exists();
            assertThat(otherProtocol).exists();
            assertThat(current).exists();
        }
    }

    private static Path old(Path file) throws Exception {
        Files.writeString(file, "a 5 MB APPEND cut off by a kill");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        return file;
    }
}
