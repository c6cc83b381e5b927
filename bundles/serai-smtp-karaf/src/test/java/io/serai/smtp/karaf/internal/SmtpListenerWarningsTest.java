package io.serai.smtp.karaf.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.sasl.TrustedNetworks;
import org.junit.jupiter.api.Test;

class SmtpListenerWarningsTest {

    @Test
    void loopbackListenersAreNeverWarnedAbout() {
        assertThat(SmtpListenerWarnings.of("mta", "MTA", "127.0.0.1", false, true)).isEmpty();
        assertThat(SmtpListenerWarnings.of("submission", "SUBMISSION", "localhost", false, false)).isEmpty();
    }

    @Test
    void theDistributionDefaultsOnAReachableAddressAreSafe() {
        assertThat(SmtpListenerWarnings.of("mta", "MTA", "0.0.0.0", true, false)).isEmpty();
        assertThat(SmtpListenerWarnings.of("submission", "SUBMISSION", "0.0.0.0", true, false)).isEmpty();
        assertThat(SmtpListenerWarnings.of("submissions", "SUBMISSIONS", "192.0.2.25", true, false)).isEmpty();
    }

    @Test
    void passwordsInClearTextOnAReachableAddressAreWarnedAbout() {
        assertThat(SmtpListenerWarnings.of("submission", "submission", "0.0.0.0", true, true))
                .singleElement().asString().contains("submission on 0.0.0.0", "authWithoutTls", "clear text");
    }

    @Test
    void noTlsOnAReachableAddressIsWarnedAbout() {
        assertThat(SmtpListenerWarnings.of("mta", "MTA", "192.0.2.25", false, false))
                .singleElement().asString().contains("STARTTLS", "clear text");
        assertThat(SmtpListenerWarnings.of("submission", "SUBMISSION", "192.0.2.25", false, false))
                .singleElement().asString().contains("AUTH is offered only to trustedNetworks");
        assertThat(SmtpListenerWarnings.of("submission", "SUBMISSION", "192.0.2.25", false, true))
                .singleElement().asString().contains("authWithoutTls");
    }

    @Test
    void trustedNetworksWiderThanLoopbackAreWarnedAbout() {
        assertThat(SmtpListenerWarnings.of("submission", "SUBMISSION", "0.0.0.0", true, false,
                TrustedNetworks.LOOPBACK)).isEmpty();
        assertThat(SmtpListenerWarnings.of("submission", "SUBMISSION", "0.0.0.0", true, false,
                TrustedNetworks.parse("::1/128, 2001:db8::/32"))).singleElement().asString()
                .contains("trustedNetworks = ::1/128, 2001:db8::/32", "clear text");
    }
}
