package io.serai.camel.imapidle.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UidStateFileTest {

    @TempDir
    Path dir;

    @Test
    void savesAndLoadsTheWatermark() throws Exception {
        UidStateFile file = UidStateFile.forEndpoint(dir.resolve("sub"), "bob@example.com", "imap.example.com", 993,
                "INBOX/Orders");
        file.save(1700000000L, 42);
        UidWatermark loaded = new UidWatermark();
        file.loadInto(loaded);
        assertThat(loaded.uidValidity()).isEqualTo(1700000000L);
        assertThat(loaded.lastUid()).isEqualTo(42);
        assertThat(file.path().getFileName().toString()).isEqualTo("bob@example.com@imap.example.com_993_INBOX_Orders.uid");
        assertThat(Files.list(file.path().getParent())).containsExactly(file.path());
    }

    @Test
    void missingFileLeavesTheWatermarkAlone() {
        UidWatermark watermark = new UidWatermark();
        watermark.restore(5, 6);
        new UidStateFile(dir.resolve("none.uid")).loadInto(watermark);
        assertThat(watermark.lastUid()).isEqualTo(6);
    }

    @Test
    void garbageIsAnErrorNotAFreshStart() throws Exception {
        Path path = dir.resolve("bad.uid");
        Files.writeString(path, "nonsense");
        assertThatThrownBy(() -> new UidStateFile(path).loadInto(new UidWatermark()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void differentFoldersGetDifferentFiles() {
        assertThat(UidStateFile.forEndpoint(dir, "u", "h", 143, "INBOX").path())
                .isNotEqualTo(UidStateFile.forEndpoint(dir, "u", "h", 143, "Archive").path());
    }
}
