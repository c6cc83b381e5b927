package io.serai.camel.imapidle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImapIdleComponentTest {

    private final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void parsesHostPortAndOptionsWithDefaults() {
        ImapIdleEndpoint endpoint = context.getEndpoint(
                "imap-idle:imap.example.com:1143?username=bob&password=pw&folder=Orders&moveTo=Done",
                ImapIdleEndpoint.class);
        ImapIdleConfiguration config = endpoint.getConfiguration();
        assertThat(config.getHost()).isEqualTo("imap.example.com");
        assertThat(config.effectivePort()).isEqualTo(1143);
        assertThat(config.getFolder()).isEqualTo("Orders");
        assertThat(config.getMoveTo()).isEqualTo("Done");
        assertThat(config.isMarkSeen()).isTrue();
        assertThat(config.isPeek()).isTrue();
        assertThat(config.getIdleRefresh()).isEqualTo(25 * 60 * 1000L);
        assertThat(config.effectiveReadTimeout()).isEqualTo(26 * 60 * 1000L);
        assertThat(config.getPollInterval()).isEqualTo(60_000);
        assertThat(config.getReconnectInitialDelay()).isEqualTo(1000);
        assertThat(config.getReconnectMaxDelay()).isEqualTo(60_000);
        assertThat(config.getReconnectMultiplier()).isEqualTo(2.0);
    }

    @Test
    void defaultPortFollowsSsl() {
        assertThat(context.getEndpoint("imap-idle:h?username=u&password=p", ImapIdleEndpoint.class)
                .getConfiguration().effectivePort()).isEqualTo(143);
        assertThat(context.getEndpoint("imap-idle:h?username=u&password=p&ssl=true", ImapIdleEndpoint.class)
                .getConfiguration().effectivePort()).isEqualTo(993);
    }

    @Test
    void unknownOptionIsRejected() {
        assertThatThrownBy(() -> context.getEndpoint("imap-idle:h:143?username=u&password=p&noSuchOption=1"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("noSuchOption");
    }

    @Test
    void tokenSupplierIsBoundFromTheRegistry() {
        io.serai.camel.imapidle.api.TokenSupplier supplier = user -> "token";
        context.getRegistry().bind("tokens", supplier);
        ImapIdleEndpoint endpoint = context.getEndpoint("imap-idle:h?username=u&tokenSupplier=#tokens",
                ImapIdleEndpoint.class);
        assertThat(endpoint.getConfiguration().getTokenSupplier()).isSameAs(supplier);
    }

    @Test
    void conflictingOptionsFailTheConsumer() {
        ImapIdleEndpoint endpoint = context.getEndpoint("imap-idle:h?username=u&password=p&moveTo=X&delete=true",
                ImapIdleEndpoint.class);
        assertThatThrownBy(() -> endpoint.createConsumer(exchange -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("moveTo and delete");
        ImapIdleEndpoint noSecret = context.getEndpoint("imap-idle:h?username=u", ImapIdleEndpoint.class);
        assertThatThrownBy(() -> noSecret.createConsumer(exchange -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password or a tokenSupplier");
    }
}
