package io.serai.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.serai.camel.smtpd.SmtpdConstants;
import io.serai.smtp.api.MessageContent;
import io.serai.store.api.MailStore;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryRouteTest {

    private static final byte[] MESSAGE = "Subject: caravan\r\n\r\nTwelve camels.\r\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private MailStore store;
    private CamelContext camel;
    private final List<List<?>> relayed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir).withFsync(FsyncPolicy.NEVER));
        store.accounts().addDomain("caravan.test");
        store.accounts().createAccount("alice@caravan.test", "a".toCharArray());
        camel = new DefaultCamelContext();
        camel.addRoutes(new DeliveryRoute(store));
        camel.start();
    }

    @AfterEach
    void stop() throws Exception {
        camel.stop();
        store.close();
    }

    private void relayRoute() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(DeliveryRoute.RELAY_ENDPOINT).routeId("relay-stub")
                        .process(e -> relayed.add(e.getMessage().getHeader(SmtpdConstants.RECIPIENTS, List.class)));
            }
        });
    }

    private Exchange deliver(String... recipients) {
        MessageContent content = new MessageContent() {
            @Override
            public long size() {
                return MESSAGE.length;
            }

            @Override
            public InputStream openStream() {
                return new ByteArrayInputStream(MESSAGE);
            }
        };
        return camel.createProducerTemplate().send(DeliveryRoute.ENDPOINT, e -> e.getIn().setHeaders(Map.of(
                SmtpdConstants.CONTENT, content, SmtpdConstants.RECIPIENTS, List.of(recipients))));
    }

    @Test
    void localRecipientsAreStoredAndOthersHandedToTheRelay() throws Exception {
        relayRoute();

        Exchange result = deliver("alice@caravan.test", "carol@remote.test", "dave@REMOTE.test");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(DeliveryRoute.DELIVERED_COPIES)).isEqualTo(1);
        assertThat(store.mailboxes("alice@caravan.test").open("INBOX").messages()).hasSize(1);
        assertThat(relayed).containsExactly(List.of("carol@remote.test", "dave@REMOTE.test"));
    }

    @Test
    void onlyLocalRecipientsNeverTouchTheRelay() throws Exception {
        Exchange result = deliver("alice@caravan.test");

        assertThat(result.getException()).isNull();
        assertThat(relayed).isEmpty();
    }

    @Test
    void withoutARelayRouteMailForOtherDomainsFails() {
        Exchange result = deliver("carol@remote.test");

        assertThat(result.getException()).isNotNull();
        assertThat(result.getException().getMessage()).contains("direct://serai-relay");
    }

    @Test
    void recipientsAreSplitByDomain() {
        RecipientSplit split = RecipientSplit.of(List.of("Postmaster", "a@local.test", "b@far.test", "c@x@far.test"),
                "local.test"::equalsIgnoreCase);
        assertThat(split.local()).containsExactly("Postmaster", "a@local.test");
        assertThat(split.remote()).containsExactly("b@far.test", "c@x@far.test");
    }
}
