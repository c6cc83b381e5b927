package io.serai.routes.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SmartHostTest {

    @Test
    void startTlsRequiredWithAuth() {
        String uri = new SmartHost("relay.example.net", 587, false, "required", "me", "p&ss", "mx.caravan.test", "",
                30000).endpointUri();
        assertThat(uri).startsWith("smtp://relay.example.net:587?connectionTimeout=30000")
                .contains("&mail.smtp.sendpartial=true", "&mail.smtp.localhost=mx.caravan.test",
                        "&mail.smtp.starttls.enable=true", "&mail.smtp.starttls.required=true",
                        "&mail.smtp.auth=true&username=RAW(me)&password=RAW(p&ss)")
                .doesNotContain("ssl.trust");
    }

    @Test
    void implicitTlsUsesSmtpsAndNoStartTls() {
        String uri = new SmartHost("relay", 465, true, "required", "", "", "h", "relay", 1000).endpointUri();
        assertThat(uri).startsWith("smtps://relay:465?").contains("&mail.smtps.ssl.trust=relay")
                .doesNotContain("starttls", "username", "auth");
    }

    @Test
    void plainWhenAskedAndValidated() {
        assertThat(new SmartHost("h", 25, false, "NONE", "", "", "h", "", 1000).endpointUri())
                .doesNotContain("starttls");
        assertThatThrownBy(() -> new SmartHost("h", 25, false, "maybe", "", "", "h", "", 1000))
                .hasMessageContaining("startTls");
        assertThatThrownBy(() -> new SmartHost(" ", 25, false, "none", "", "", "h", "", 1000))
                .hasMessageContaining("smartHost is required");
    }
}
