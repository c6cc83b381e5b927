package io.serai.imap.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serai.store.api.MailStore;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defaults and validation of {@link ImapServerConfig} and {@link Limits}. */
class ImapServerConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaultsFollowTheRfcs() {
        Limits limits = Limits.defaults();
        assertThat(limits.idleTimeout()).as("RFC 9051 §5.4").isGreaterThanOrEqualTo(Duration.ofMinutes(30));
        assertThat(limits.maxLineLength()).as("RFC 7162 §4").isGreaterThanOrEqualTo(8192);
        assertThat(limits.maxLiteralSizePreAuth()).isLessThan(limits.maxLiteralSize());
        assertThat(limits.maxConnectionsPerUser()).isLessThanOrEqualTo(limits.maxConnectionsPerIp())
                .isLessThanOrEqualTo(limits.maxConnections());
    }

    @Test
    void configurationIsValidated() throws Exception {
        try (MailStore store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir).withFsync(FsyncPolicy.NEVER))) {
            ImapServerConfig config = ImapServerConfig.builder().store(store).build();
            assertThat(config.tlsMode()).isEqualTo(TlsMode.NONE);
            assertThat(config.allowPlaintextAuth()).isFalse();
            assertThat(config.sessionThreads()).isEqualTo(16);
            assertThat(config.appendLimit()).isLessThanOrEqualTo(config.limits().maxLiteralSize());
            assertThatThrownBy(() -> ImapServerConfig.builder().build()).hasMessageContaining("store");
            assertThatThrownBy(() -> ImapServerConfig.builder().store(store).tls(TlsMode.STARTTLS, null).build())
                    .hasMessageContaining("SSLContext");
            assertThatThrownBy(() -> ImapServerConfig.builder().store(store).sessionThreads(0).build())
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ImapServerConfig.builder().store(store).bind("127.0.0.1", 70000).build())
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ImapServerConfig.builder().store(store)
                    .limits(Limits.defaults().withLiteralSizes(8192, 1000)).appendLimit(2000).build())
                    .hasMessageContaining("appendLimit");
        }
        assertThatThrownBy(() -> Limits.defaults().withMaxLineLength(100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Limits.defaults().withAuthFailureDelay(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Limits.defaults().withCommandRate(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
