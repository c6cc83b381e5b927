package io.serai.pop3.karaf.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
}
