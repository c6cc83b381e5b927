package io.serai.camel.smtpd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.camel.smtpd.SmtpdComponent;
import org.junit.jupiter.api.Test;

class SmtpdComponentResolverTest {

    @Test
    void resolvesOnlySmtpdAndAlwaysANewComponent() {
        SmtpdComponentResolver resolver = new SmtpdComponentResolver();
        assertThat(resolver.resolveComponent("smtpd", null)).isInstanceOf(SmtpdComponent.class)
                .isNotSameAs(resolver.resolveComponent("smtpd", null));
        assertThat(resolver.resolveComponent("smtp", null)).isNull();
    }
}
