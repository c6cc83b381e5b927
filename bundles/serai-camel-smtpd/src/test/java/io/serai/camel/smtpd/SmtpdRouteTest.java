package io.serai.camel.smtpd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.serai.sasl.InMemoryCredentialStore;
import io.serai.smtp.api.MessageContent;
import io.serai.smtp.api.Recipient;
import io.serai.smtp.api.RecipientValidator;
import io.serai.smtp.api.RejectException;
import io.serai.smtp.api.SmtpReply;
import jakarta.mail.SendFailedException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.StreamCache;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

/** Angus Mail sends to smtpd: routes on 127.0.0.1; the reply to the end of data follows the route's outcome. */
class SmtpdRouteTest extends CamelTestSupport {

    /** CRLF lines, a line starting with a dot (dot-stuffed on the wire) and 8-bit text. */
    static final String RAW = "From: sender@remote.example\r\n"
            + "To: alice@example.org\r\n"
            + "Subject: smtpd test\r\n"
            + "Message-ID: <1@client.example>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n"
            + "Content-Transfer-Encoding: 8bit\r\n"
            + "\r\n"
            + "Hello Alice,\r\n"
            + ".a line starting with a dot\r\n"
            + ".\r\n"
            + "Gr\u00fc\u00dfe\r\n";

    private static final String LOCAL = "localDomains=example.org";

    private final AtomicInteger routeIds = new AtomicInteger();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    /** What a route saw, copied while the route ran (the content is only valid until then). */
    record Received(byte[] body, byte[] contentAgain, Map<String, Object> headers, Object bodyObject) {
    }

    /** Starts a route {@code smtpd:127.0.0.1:0?options → record → then}, returns the bound address. */
    private InetSocketAddress route(String options, Processor then) throws Exception {
        String id = "smtpd-" + routeIds.incrementAndGet();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("smtpd:127.0.0.1:0?" + options).routeId(id)
                        .process(SmtpdRouteTest.this::record)
                        .process(then);
            }
        });
        InetSocketAddress bound = ((SmtpdEndpoint) context.getRoute(id).getEndpoint()).getLocalAddress();
        assertThat(bound.getPort()).isPositive();
        return bound;
    }

    private void record(Exchange exchange) throws Exception {
        Object bodyObject = exchange.getIn().getBody();
        byte[] body;
        try (InputStream in = exchange.getIn().getBody(InputStream.class)) {
            body = in.readAllBytes();
        }
        byte[] again;
        try (InputStream in = exchange.getIn().getHeader(SmtpdConstants.CONTENT, MessageContent.class).openStream()) {
            again = in.readAllBytes();
        }
        received.add(new Received(body, again, Map.copyOf(exchange.getIn().getHeaders()), bodyObject));
    }

    private Received takeReceived() throws InterruptedException {
        Received r = received.poll(10, TimeUnit.SECONDS);
        assertThat(r).as("an exchange reached the route").isNotNull();
        return r;
    }

    private static int returnCode(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof SMTPSendFailedException failed) {
                return failed.getReturnCode();
            }
        }
        throw new AssertionError("no SMTPSendFailedException in " + thrown, thrown);
    }

    @Test
    void bodyIsByteIdenticalAndHeadersCarryTheEnvelope() throws Exception {
        InetSocketAddress address = route(LOCAL, exchange -> { });
        Properties props = new Properties();
        props.put("mail.smtp.dsn.notify", "SUCCESS,FAILURE");
        props.put("mail.smtp.dsn.ret", "HDRS");
        props.put("mail.smtp.mailextension", "BODY=8BITMIME ENVID=env-1");
        AngusClient client = new AngusClient(address, props);

        String reply = client.send(client.message(RAW), "alice@example.org", "bob@example.org");

        Received r = takeReceived();
        byte[] sent = RAW.getBytes(StandardCharsets.UTF_8);
        int trace = r.body().length - sent.length;
        assertThat(trace).isPositive();
        assertThat(Arrays.copyOfRange(r.body(), trace, r.body().length)).isEqualTo(sent);
        assertThat(new String(r.body(), 0, trace, StandardCharsets.UTF_8))
                .startsWith("Return-Path: <sender@remote.example>\r\nReceived: from client.example ([127.0.0.1])");
        assertThat(r.contentAgain()).isEqualTo(r.body());
        // stream caching (on by default) kept our body: it re-opens the content instead of copying it
        assertThat(context.getStreamCachingStrategy().isEnabled()).isTrue();
        assertThat(r.bodyObject()).isInstanceOf(InputStream.class).isInstanceOf(StreamCache.class);

        Map<String, Object> h = r.headers();
        assertThat(h).containsEntry(SmtpdConstants.ENVELOPE_FROM, "sender@remote.example")
                .containsEntry(SmtpdConstants.RECIPIENTS, List.of("alice@example.org", "bob@example.org"))
                .containsEntry(SmtpdConstants.CLIENT_ADDRESS, "127.0.0.1")
                .containsEntry(SmtpdConstants.HELO_NAME, "client.example")
                .containsEntry(SmtpdConstants.TLS, false)
                .containsEntry(SmtpdConstants.SMTPUTF8, false)
                .containsEntry(SmtpdConstants.BODY_TYPE, "8BITMIME")
                .containsEntry(SmtpdConstants.DSN_RET, "HDRS")
                .containsEntry(SmtpdConstants.DSN_ENVID, "env-1")
                .containsEntry(SmtpdConstants.MESSAGE_SIZE, (long) r.body().length)
                .doesNotContainKey(SmtpdConstants.AUTHENTICATED_USER)
                .containsKey(SmtpdConstants.ENVELOPE);
        @SuppressWarnings("unchecked")
        List<Recipient> recipients = (List<Recipient>) h.get(SmtpdConstants.ENVELOPE_RECIPIENTS);
        assertThat(recipients).extracting(Recipient::notifyOn)
                .containsOnly(Set.of(Recipient.DsnNotify.SUCCESS, Recipient.DsnNotify.FAILURE));
        String transactionId = (String) h.get(SmtpdConstants.TRANSACTION_ID);
        assertThat(transactionId).isNotBlank();
        assertThat(reply).startsWith("250 ").contains(transactionId);
    }

    @Test
    void routeFailureIsATemporaryErrorAndNotDelivered() throws Exception {
        InetSocketAddress address = route(LOCAL, exchange -> {
            throw new IllegalStateException("store unavailable");
        });
        AngusClient client = new AngusClient(address);

        assertThatThrownBy(() -> client.send(client.message(RAW), "alice@example.org"))
                .satisfies(e -> assertThat(returnCode(e)).isEqualTo(451))
                .hasMessageContaining("4.3.0");
        assertThat(takeReceived()).isNotNull();
    }

    @Test
    void rollbackOnlyIsATemporaryErrorToo() throws Exception {
        InetSocketAddress address = route(LOCAL, exchange -> exchange.setRollbackOnly(true));
        AngusClient client = new AngusClient(address);

        assertThatThrownBy(() -> client.send(client.message(RAW), "alice@example.org"))
                .satisfies(e -> assertThat(returnCode(e)).isEqualTo(451));
    }

    @Test
    void permanentRejectionIs554() throws Exception {
        InetSocketAddress address = route(LOCAL, exchange -> {
            throw RejectException.permanent("content refused");
        });
        AngusClient client = new AngusClient(address);

        assertThatThrownBy(() -> client.send(client.message(RAW), "alice@example.org"))
                .satisfies(e -> assertThat(returnCode(e)).isEqualTo(554))
                .hasMessageContaining("5.6.0 content refused");
    }

    @Test
    void replyHeaderChosenByTheRouteIsSent() throws Exception {
        InetSocketAddress stored = route(LOCAL,
                exchange -> exchange.getMessage().setHeader(SmtpdConstants.REPLY, "250 2.0.0 Stored in INBOX"));
        AngusClient client = new AngusClient(stored);
        assertThat(client.send(client.message(RAW), "alice@example.org")).isEqualTo("250 2.0.0 Stored in INBOX");

        // a second endpoint URI: Camel allows one consumer per endpoint
        InetSocketAddress spam = route(LOCAL + "&hostname=mx2.example.org", exchange -> exchange.getMessage()
                .setHeader(SmtpdConstants.REPLY, SmtpReply.of(550, "5.7.1", "Spam refused")));
        AngusClient spamClient = new AngusClient(spam);
        assertThatThrownBy(() -> spamClient.send(spamClient.message(RAW), "alice@example.org"))
                .satisfies(e -> assertThat(returnCode(e)).isEqualTo(550))
                .hasMessageContaining("5.7.1 Spam refused");
    }

    @Test
    void twoFiftyArrivesOnlyAfterTheRouteCompleted() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        InetSocketAddress address = route(LOCAL, exchange -> {
            entered.countDown();
            // the route is "still storing": the client must not have its 250 yet
            assertThat(release.await(20, TimeUnit.SECONDS)).isTrue();
        });
        AngusClient client = new AngusClient(address);
        CompletableFuture<String> sending = CompletableFuture.supplyAsync(() -> {
            try {
                return client.send(client.message(RAW), "alice@example.org");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2)).until(() -> !sending.isDone());
        release.countDown();
        assertThat(sending.get(10, TimeUnit.SECONDS)).startsWith("250 ");
    }

    @Test
    void recipientValidatorBeanRejectsAtRcptTime() throws Exception {
        context.getRegistry().bind("users", (RecipientValidator) address -> address.startsWith("nobody@")
                ? RecipientValidator.RecipientStatus.UNKNOWN_USER : RecipientValidator.RecipientStatus.ACCEPT);
        InetSocketAddress address = route(LOCAL + "&recipientValidator=#users", exchange -> { });
        Properties props = new Properties();
        props.put("mail.smtp.sendpartial", "true");
        AngusClient client = new AngusClient(address, props);

        assertThatThrownBy(() -> client.send(client.message(RAW), "alice@example.org", "nobody@example.org"))
                .isInstanceOfSatisfying(SendFailedException.class, e -> assertThat(e.getInvalidAddresses())
                        .extracting(Object::toString).containsExactly("nobody@example.org"));
        assertThat(takeReceived().headers()).containsEntry(SmtpdConstants.RECIPIENTS, List.of("alice@example.org"));
    }

    @Test
    void maxMessageSizeOptionBinds() throws Exception {
        InetSocketAddress address = route(LOCAL + "&maxMessageSize=1000", exchange -> { });
        AngusClient client = new AngusClient(address);
        String big = RAW + "x".repeat(200).concat("\r\n").repeat(10);

        assertThatThrownBy(() -> client.send(client.message(big), "alice@example.org"))
                .satisfies(e -> assertThat(returnCode(e)).isEqualTo(552));
        assertThat(client.send(client.message(RAW), "alice@example.org")).startsWith("250 ");
    }

    @Test
    void submissionWithCredentialStoreBeanCarriesTheUser() throws Exception {
        context.getRegistry().bind("creds", new InMemoryCredentialStore().withUser("alice@example.org", "secret"));
        InetSocketAddress address = route("kind=SUBMISSION&authWithoutTls=true&credentialStore=#creds&"
                + LOCAL, exchange -> { });
        Properties props = new Properties();
        props.put("mail.smtp.auth", "true");
        props.put("mail.smtp.auth.mechanisms", "PLAIN");
        AngusClient client = new AngusClient(address, props);

        assertThat(client.send("alice@example.org", "secret", client.message(RAW), "friend@elsewhere.example"))
                .startsWith("250 ");
        assertThat(takeReceived().headers())
                .containsEntry(SmtpdConstants.AUTHENTICATED_USER, "alice@example.org")
                .containsEntry(SmtpdConstants.RECIPIENTS, List.of("friend@elsewhere.example"));
    }
}
