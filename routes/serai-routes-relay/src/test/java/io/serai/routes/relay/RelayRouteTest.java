package io.serai.routes.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.serai.camel.smtpd.SmtpdConstants;
import io.serai.camel.smtpd.SmtpdEndpoint;
import io.serai.routes.relay.spool.RelaySpool;
import io.serai.routes.relay.spool.SpoolEntry;
import io.serai.smtp.api.MessageContent;
import io.serai.smtp.api.RecipientValidator;
import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
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

/**
 * The relay routes end to end: mail handed to direct:serai-relay goes through the spool and camel-mail's smtp
 * producer to a real SMTP server (an smtpd: route standing in for the smart host), which refuses some recipients.
 */
class RelayRouteTest {

    private static final String ALICE = "alice@caravan.test";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final byte[] MAIL = ("Return-Path: <alice@caravan.test>\r\nFrom: alice@caravan.test\r\n"
            + "To: ok@remote.test\r\nSubject: camels\r\nMessage-ID: <m1@caravan.test>\r\n\r\nTwelve camels.\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private MailStore store;
    private CamelContext camel;
    private RelaySpool spool;
    private final Set<String> refused = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Set<String> busy = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    record Received(String sender, List<String> recipients, byte[] content) {
    }

    @BeforeEach
    void start() throws Exception {
        store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir.resolve("store")).withFsync(FsyncPolicy.NEVER));
        store.accounts().addDomain("caravan.test");
        store.accounts().createAccount(ALICE, "s3cret".toCharArray());
        refused.add("nobody@remote.test");
        busy.add("later@remote.test");

        camel = new DefaultCamelContext();
        RecipientValidator validator = address -> refused.contains(address)
                ? RecipientValidator.RecipientStatus.UNKNOWN_USER
                : busy.contains(address) ? RecipientValidator.RecipientStatus.TEMPORARILY_UNAVAILABLE
                : RecipientValidator.RecipientStatus.ACCEPT;
        camel.getRegistry().bind("validator", validator);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("smtpd:127.0.0.1:0?localDomains=remote.test,elsewhere.test&recipientValidator=#validator")
                        .routeId("smarthost").process(RelayRouteTest.this::record);
            }
        });
        camel.start();
        int port = ((SmtpdEndpoint) camel.getRoute("smarthost").getEndpoint()).getLocalAddress().getPort();

        spool = new RelaySpool(dir.resolve("spool"));
        Clock clock = Clock.systemUTC();
        SmartHost smartHost = new SmartHost("127.0.0.1", port, false, "none", "", "", "relay.caravan.test", "", 10000);
        camel.addRoutes(new RelayRoute(spool, 50, context -> new RelayQueue(spool,
                new SmtpTransmitter(context.createProducerTemplate(), smartHost.endpointUri()),
                new StoreOrRelayBounces(store, spool, clock), new DsnReport("relay.caravan.test"),
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(200), 2), Duration.ofSeconds(1), clock), clock));
    }

    @AfterEach
    void stop() throws Exception {
        camel.stop();
        store.close();
    }

    private void record(Exchange exchange) throws Exception {
        @SuppressWarnings("unchecked")
        List<String> recipients = exchange.getIn().getHeader(SmtpdConstants.RECIPIENTS, List.class);
        MessageContent content = exchange.getIn().getHeader(SmtpdConstants.CONTENT, MessageContent.class);
        try (InputStream in = content.openStream()) {
            received.add(new Received(exchange.getIn().getHeader(SmtpdConstants.ENVELOPE_FROM, String.class),
                    List.copyOf(recipients), in.readAllBytes()));
        }
    }

    private void relay(String sender, String... recipients) {
        Exchange result = camel.createProducerTemplate().send(RelayRoute.ENDPOINT, exchange -> {
            exchange.getIn().setHeaders(Map.of(RelayRoute.SENDER, sender, RelayRoute.RECIPIENTS, List.of(recipients)));
            exchange.getIn().setBody(MAIL);
        });
        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(RelayRoute.QUEUE_ID, String.class)).isNotBlank();
    }

    private Mailbox inbox() throws Exception {
        return store.mailboxes(ALICE).open("INBOX");
    }

    private String inboxMessage(int index) throws Exception {
        long uid = inbox().uids()[index];
        try (InputStream in = inbox().content(uid).openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void acceptedRecipientsGetTheMessageAndARefusedOneBouncesToTheLocalSender() throws Exception {
        relay(ALICE, "ok@remote.test", "nobody@remote.test");

        await().atMost(WAIT).until(() -> received.size() == 1 && inbox().uids().length == 1);
        Received got = received.get(0);
        assertThat(got.sender()).isEqualTo(ALICE);
        assertThat(got.recipients()).containsExactly("ok@remote.test");
        String content = new String(got.content(), StandardCharsets.US_ASCII);
        assertThat(content).endsWith(new String(MAIL, StandardCharsets.US_ASCII)
                .substring("Return-Path: <alice@caravan.test>\r\n".length()));
        assertThat(content.indexOf("Return-Path: <alice@caravan.test>"))
                .as("only the smart host's own Return-Path").isEqualTo(content.lastIndexOf("Return-Path:"));
        assertThat(inboxMessage(0)).contains("multipart/report; report-type=delivery-status",
                "Final-Recipient: rfc822; nobody@remote.test", "Status: 5.1.1", "Diagnostic-Code: smtp; 550",
                "Message-ID: <m1@caravan.test>");
        assertThat(spool.deadLetters()).singleElement()
                .satisfies(letter -> assertThat(letter.recipients()).containsExactly("nobody@remote.test"));
        await().atMost(WAIT).until(() -> spool.queued().isEmpty());
    }

    @Test
    void aReplayedDeadLetterIsDeliveredOnceTheRecipientExists() throws Exception {
        relay(ALICE, "nobody@remote.test");
        await().atMost(WAIT).until(() -> spool.deadLetters().size() == 1);
        refused.clear();
        DeadLetters deadLetters = new DeadLetters(spool, Clock.systemUTC());
        SpoolEntry letter = deadLetters.list().get(0);

        deadLetters.replay(letter);

        await().atMost(WAIT).until(() -> received.size() == 1);
        assertThat(received.get(0).recipients()).containsExactly("nobody@remote.test");
        assertThat(deadLetters.list()).isEmpty();
    }

    @Test
    void aRecipientThatStaysBusyExpiresAndBounces() throws Exception {
        relay(ALICE, "later@remote.test");

        await().atMost(WAIT).until(() -> inbox().uids().length == 1);
        assertThat(inboxMessage(0)).contains("Final-Recipient: rfc822; later@remote.test", "Status: 4.4.7");
        assertThat(spool.deadLetters()).singleElement()
                .satisfies(letter -> assertThat(letter.attempts()).isGreaterThan(1));
        assertThat(received).isEmpty();
    }

    @Test
    void aRemoteSenderGetsItsBounceThroughTheRelayWithTheNullReversePath() throws Exception {
        relay("bob@elsewhere.test", "nobody@remote.test");

        await().atMost(WAIT).until(() -> received.size() == 1);
        Received bounce = received.get(0);
        assertThat(bounce.sender()).isEmpty();
        assertThat(bounce.recipients()).containsExactly("bob@elsewhere.test");
        assertThat(new String(bounce.content(), StandardCharsets.US_ASCII))
                .contains("Final-Recipient: rfc822; nobody@remote.test", "Auto-Submitted: auto-replied");
    }
}
