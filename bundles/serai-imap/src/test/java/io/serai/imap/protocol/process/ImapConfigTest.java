package io.serai.imap.protocol.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live-update knobs of {@link ImapConfig}: defaults and bounds. */
class ImapConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAndBounds() throws Exception {
        try (SessionHarness h = new SessionHarness(dir, true, false)) {
            ImapConfig config = h.config;
            assertThat(config.idleTimeout()).isEqualTo(Duration.ofMinutes(30));
            assertThat(config.maxPendingChanges()).isEqualTo(10_000);
            assertThat(config.withIdleTimeout(Duration.ofMinutes(29)).idleTimeout()).isEqualTo(Duration.ofMinutes(29));
            assertThat(config.withMaxPendingChanges(5).maxPendingChanges()).isEqualTo(5);
            assertThatThrownBy(() -> config.withIdleTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> config.withMaxPendingChanges(0)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
