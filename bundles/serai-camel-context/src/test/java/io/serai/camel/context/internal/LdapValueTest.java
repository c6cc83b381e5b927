package io.serai.camel.context.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LdapValueTest {

    @Test
    void escapesFilterMetacharacters() {
        assertThat(LdapValue.escape("a*(b)\\c")).isEqualTo("a\\*\\(b\\)\\\\c");
        assertThat(LdapValue.escape("smtpd")).isEqualTo("smtpd");
    }
}
