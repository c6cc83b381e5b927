package io.serai.netty.listener;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolLeftoversTest {

    @TempDir
    Path dir;

    @Test
    void deletesOnlyMatchingFilesWrittenBeforeTheGivenInstant() throws Exception {
        Instant start = Instant.parse("2026-11-26T12:00:00Z");
        Path old = touch("serai-x-1.spool", start.minusSeconds(60));
        Path fresh = touch("serai-x-2.spool", start.plusSeconds(1));
        Path otherName = touch("mine.spool", start.minusSeconds(60));
        Files.createDirectory(dir.resolve("serai-x-dir.spool"));
        assertThat(SpoolLeftovers.deleteOlderThan(dir, "serai-x-*.spool", start)).isEqualTo(1);
        assertThat(old).doesNotExist();
        assertThat(fresh).exists();
        assertThat(otherName).exists();
        assertThat(dir.resolve("serai-x-dir.spool")).isDirectory();
    }

    private Path touch(String name, Instant modified) throws Exception {
        Path f = Files.writeString(dir.resolve(name), "unacknowledged message data");
        Files.setLastModifiedTime(f, FileTime.from(modified));
        return f;
    }
}
