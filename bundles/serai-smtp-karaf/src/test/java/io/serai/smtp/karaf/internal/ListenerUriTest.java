package io.serai.smtp.karaf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;

import org.junit.jupiter.api.Test;

class ListenerUriTest {

    @Test
    void buildsTheSmtpdUriWithTheStoreBeans() {
        String uri = ListenerUri.of(config("submission", 2587, true, "maxErrors=5"));
        assertThat(uri).startsWith("smtpd:127.0.0.1:2587?kind=SUBMISSION&hostname=mail.caravan.test")
                .contains("&credentialStore=%23seraiCredentials", "&recipientValidator=%23seraiRecipients",
                        "&relayPolicy=%23seraiRelayPolicy", "&sslContext=%23seraiTls", "&maxMessageSize=1000",
                        "&authWithoutTls=false", "&trustedNetworks=none")
                .endsWith("&maxErrors=5");
    }

    @Test
    void withoutTlsNoSslContextIsNamed() {
        assertThat(ListenerUri.of(config("MTA", 2525, false, ""))).doesNotContain("sslContext");
    }

    @Test
    void refusesWhatCannotWork() {
        assertThatThrownBy(() -> ListenerUri.of(config("relay", 25, true, "")))
                .hasMessageContaining("kind must be MTA, SUBMISSION or SUBMISSIONS");
        assertThatThrownBy(() -> ListenerUri.of(config("SUBMISSIONS", 2465, false, "")))
                .hasMessageContaining("implicit TLS");
        assertThatThrownBy(() -> ListenerUri.of(config("MTA", 70000, true, ""))).hasMessageContaining("port");
    }

    private static SmtpListenerConfig config(String kind, int port, boolean tls, String options) {
        return new SmtpListenerConfig() {
            @Override public Class<? extends Annotation> annotationType() { return SmtpListenerConfig.class; }
            @Override public String name() { return "test"; }
            @Override public String kind() { return kind; }
            @Override public String host() { return "127.0.0.1"; }
            @Override public int port() { return port; }
            @Override public String hostname() { return "mail.caravan.test"; }
            @Override public boolean tls() { return tls; }
            @Override public boolean authWithoutTls() { return false; }
            @Override public String trustedNetworks() { return ""; }
            @Override public long maxMessageSize() { return 1000; }
            @Override public int maxRecipients() { return 100; }
            @Override public int maxConnections() { return 500; }
            @Override public int maxConnectionsPerIp() { return 20; }
            @Override public String deliverTo() { return "direct:serai-deliver"; }
            @Override public String options() { return options; }
        };
    }
}
