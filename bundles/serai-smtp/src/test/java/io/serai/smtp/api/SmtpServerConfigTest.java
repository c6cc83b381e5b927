package io.serai.smtp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serai.sasl.InMemoryCredentialStore;
import io.serai.sasl.TrustedNetworks;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SmtpServerConfigTest {

    private static SmtpServerConfig.Builder base() {
        return SmtpServerConfig.builder().messageHandler((e, c) -> CompletableFuture.completedFuture(null));
    }

    @Test
    void defaultsFollowRfc5321() {
        Limits limits = Limits.defaults();
        assertThat(limits.maxLineLength()).isEqualTo(1000);
        assertThat(limits.maxRecipients()).isEqualTo(100);
        assertThat(limits.commandTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(limits.dataTimeout()).isEqualTo(Duration.ofMinutes(3));
        SmtpServerConfig config = base().build();
        assertThat(config.kind()).isEqualTo(ListenerKind.MTA);
        assertThat(config.port()).isEqualTo(25);
        assertThat(config.authEnabled()).isFalse();
        assertThat(config.authWithoutTls()).isFalse();
        assertThat(config.trustedNetworks()).hasToString(TrustedNetworks.LOOPBACK_SPEC);
    }

    @Test
    void inconsistentListenersAreRefused() {
        assertThatThrownBy(() -> SmtpServerConfig.builder().build()).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> base().kind(ListenerKind.SUBMISSIONS)
                .credentials(new InMemoryCredentialStore()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SSLContext");
        assertThatThrownBy(() -> base().kind(ListenerKind.SUBMISSION).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CredentialStore");
        assertThatThrownBy(() -> base().kind(ListenerKind.SUBMISSION).credentials(new InMemoryCredentialStore())
                .trustedNetworks(TrustedNetworks.NONE).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("authWithoutTls");
        // without TLS, a submission listener still serves its trusted networks (loopback by default)
        assertThat(base().kind(ListenerKind.SUBMISSION).credentials(new InMemoryCredentialStore()).build()
                .trustedNetworks().loopbackOnly()).isTrue();
        assertThat(base().kind(ListenerKind.SUBMISSION).credentials(new InMemoryCredentialStore())
                .authWithoutTls(true).build().authEnabled()).isTrue();
        assertThatThrownBy(() -> base().bind("127.0.0.1", 70000).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Limits.defaults().withMaxLineLength(998)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Limits.defaults().withMaxRecipients(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void relayPolicyDomainsAreCaseInsensitive() {
        RelayPolicy policy = RelayPolicy.forDomains("Example.ORG");
        assertThat(policy.isLocal("example.org")).isTrue();
        assertThat(policy.isLocal("EXAMPLE.org")).isTrue();
        assertThat(policy.isLocal("example.net")).isFalse();
        assertThat(Recipient.of("u@Example.Org").domain()).isEqualTo("example.org");
    }
}
