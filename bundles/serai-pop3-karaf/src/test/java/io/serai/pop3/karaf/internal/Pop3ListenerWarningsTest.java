package io.serai.pop3.karaf.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.sasl.TrustedNetworks;
import org.junit.jupiter.api.Test;

class Pop3ListenerWarningsTest {

    @Test
    void clearTextPasswordsAreWarnedAboutOnlyOnAReachableAddressWithoutTls() {
        assertThat(Pop3ListenerWarnings.of("pop3", "127.0.0.1", false, true)).isEmpty();
        assertThat(Pop3ListenerWarnings.of("pop3", "0.0.0.0", false, false)).isEmpty();
        assertThat(Pop3ListenerWarnings.of("pop3s", "0.0.0.0", true, true)).isEmpty();
        assertThat(Pop3ListenerWarnings.of("pop3", "0.0.0.0", false, true))
                .singleElement().asString().contains("pop3 on 0.0.0.0", "userWithoutTls", "clear text");
    }

    @Test
    void trustedNetworksWiderThanLoopbackAreWarnedAbout() {
        assertThat(Pop3ListenerWarnings.of("pop3", "0.0.0.0", false, false, TrustedNetworks.LOOPBACK)).isEmpty();
        assertThat(Pop3ListenerWarnings.of("pop3", "0.0.0.0", false, false, TrustedNetworks.parse("192.0.2.0/24")))
                .singleElement().asString().contains("trustedNetworks = 192.0.2.0/24", "clear text");
        assertThat(Pop3ListenerWarnings.of("pop3s", "0.0.0.0", true, false, TrustedNetworks.parse("192.0.2.0/24")))
                .as("implicit TLS: nothing is sent in clear text").isEmpty();
    }
}
