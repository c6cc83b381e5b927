package io.serai.smtp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.smtp.api.ListenerKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A killed server leaves the spool files of the messages it was receiving (none acknowledged). The next start
 * deletes them, and only them: files of another name, and spool files written since this JVM started (a live
 * listener's), stay.
 */
class SpoolLeftoversTest {

    @TempDir
    Path spool;

    @Test
    void startDeletesSpoolFilesOfAnEarlierRunOnly() throws Exception {
        Path leftover = old(spool.resolve("serai-smtp-123456.eml"));
        Path otherName = old(spool.resolve("notes.eml"));
        Path otherProtocol = old(spool.resolve("serai-imap-99.literal"));
        Path current = Files.writeString(spool.resolve("serai-smtp-777.eml"), "being received now");
        try (ServerFixture servers = new ServerFixture(spool)) {
            servers.start(ListenerKind.MTA);
            assertThat(leftover).doesNotExist();
            assertThat(otherName).exists();
            assertThat(otherProtocol).exists();
            assertThat(current).exists();
        }
    }

    private static Path old(Path file) throws Exception {
        Files.writeString(file, "Subject: cut off by a kill\r\n\r\nhalf a mess");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        return file;
    }
}
