package io.serai.imap.karaf.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.imap.api.TlsMode;
import io.serai.sasl.TrustedNetworks;
import org.junit.jupiter.api.Test;

class ImapListenerWarningsTest {

    @Test
    void loopbackAndTheDefaultsAreNeverWarnedAbout() {
        assertThat(ImapListenerWarnings.of("imap", "127.0.0.1", TlsMode.NONE, true)).isEmpty();
        assertThat(ImapListenerWarnings.of("imap", "0.0.0.0", TlsMode.STARTTLS, false)).isEmpty();
        assertThat(ImapListenerWarnings.of("imaps", "0.0.0.0", TlsMode.IMPLICIT, true)).isEmpty();
    }

    @Test
    void clearTextPasswordsAndMailOnAReachableAddressAreWarnedAbout() {
        assertThat(ImapListenerWarnings.of("imap", "192.0.2.143", TlsMode.STARTTLS, true))
                .singleElement().asString().contains("imap on 192.0.2.143", "allowPlaintextAuth", "clear text");
        assertThat(ImapListenerWarnings.of("imap", "192.0.2.143", TlsMode.NONE, false))
                .singleElement().asString().contains("tlsMode = NONE");
        assertThat(ImapListenerWarnings.of("imap", "192.0.2.143", TlsMode.NONE, true)).hasSize(2);
    }

    @Test
    void trustedNetworksWiderThanLoopbackAreWarnedAbout() {
        assertThat(ImapListenerWarnings.of("imap", "0.0.0.0", TlsMode.STARTTLS, false, TrustedNetworks.LOOPBACK))
                .isEmpty();
        assertThat(ImapListenerWarnings.of("imap", "0.0.0.0", TlsMode.STARTTLS, false,
                TrustedNetworks.parse("127.0.0.1, 10.0.0.0/8"))).singleElement().asString()
                .contains("trustedNetworks = 127.0.0.1, 10.0.0.0/8", "clear text");
        assertThat(ImapListenerWarnings.of("imap", "127.0.0.1", TlsMode.STARTTLS, false,
                TrustedNetworks.parse("10.0.0.0/8"))).as("nobody else can connect").isEmpty();
    }
}
