package io.serai.routes.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import io.serai.camel.smtpd.SmtpdConstants;
import io.serai.routes.delivery.DeliveryRoute;
import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePartDataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The endpoint over a real socket with the JDK's HTTP client, submitting into the real delivery route. */
class HttpRouteTest {

    @TempDir
    Path dir;

    private MailStore store;
    private CamelContext camel;
    private HttpServer server;
    private ExecutorService executor;
    private URI uri;
    private final List<List<?>> relayed = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir).withFsync(FsyncPolicy.NEVER));
        store.accounts().addDomain("caravan.test");
        store.accounts().createAccount("alice@caravan.test", "s3cret".toCharArray());
        store.accounts().createAccount("bob@caravan.test", "b0b".toCharArray());
        camel = new DefaultCamelContext();
        camel.addRoutes(new DeliveryRoute(store));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(DeliveryRoute.RELAY_ENDPOINT).routeId("relay-stub")
                        .process(e -> relayed.add(e.getMessage().getHeader(SmtpdConstants.RECIPIENTS, List.class)));
            }
        });
        camel.start();
        executor = Executors.newFixedThreadPool(2);
        org.apache.camel.ProducerTemplate template = camel.createProducerTemplate();
        SubmitHandler handler = new SubmitHandler(new MailRequestParser(10),
                Optional.of(new BasicAuth((u, p) -> store.accounts().verifyPassword(u, p))),
                new DeliverySubmission(() -> template, DeliveryRoute.ENDPOINT), "mx.caravan.test",
                64 * 1024, Clock.systemUTC());
        server = HttpMailComponent.start(new InetSocketAddress("127.0.0.1", 0), "/mail", handler, executor);
        uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mail");
    }

    @AfterEach
    void stop() throws Exception {
        server.stop(0);
        executor.shutdownNow();
        camel.stop();
        store.close();
    }

    private HttpResponse<String> post(String json, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postAsAlice(String json) throws Exception {
        return post(json, "alice@caravan.test", "s3cret");
    }

    private Mailbox inbox(String account) throws Exception {
        return store.mailboxes(account).open("INBOX");
    }

    @Test
    void aMessageWithHtmlAndAnAttachmentIsStoredForLocalAndRelayedForRemoteRecipients() throws Exception {
        String csv = Base64.getEncoder().encodeToString("camel;12\r\n".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = postAsAlice("{\"from\":\"alice@caravan.test\",\"to\":[\"bob@caravan.test\"],"
                + "\"cc\":[\"carol@remote.test\"],\"bcc\":[\"dave@remote.test\"],\"subject\":\"Kamele \\u00fcberall\","
                + "\"text\":\"Zw\\u00f6lf Kamele.\",\"html\":\"<p>Zw\\u00f6lf</p>\","
                + "\"attachments\":[{\"name\":\"Bestellung \\u00fc.csv\",\"contentType\":\"text/csv\",\"base64\":\""
                + csv + "\"}]}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).matches("\\{\"messageId\":\"<[0-9a-f-]+@mx.caravan.test>\"}\\n");
        assertThat(relayed).containsExactly(List.of("carol@remote.test", "dave@remote.test"));
        Mailbox inbox = inbox("bob@caravan.test");
        assertThat(inbox.messages()).hasSize(1);
        byte[] stored;
        try (InputStream in = inbox.content(inbox.messages().get(0).uid()).openStream()) {
            stored = in.readAllBytes();
        }
        String raw = new String(stored, StandardCharsets.US_ASCII);
        assertThat(raw).startsWith("Received: from [127.0.0.1]\r\n\tby mx.caravan.test (Serai) with HTTP id ")
                .doesNotContain("dave@remote.test");
        MimeMessage message = new MimeMessage(null, new ByteArrayInputStream(stored));
        assertThat(message.getSubject()).isEqualTo("Kamele überall");
        assertThat(message.getHeader("Cc", null)).isEqualTo("carol@remote.test");
        assertThat(response.body()).contains(message.getMessageID());
        MimeMultipart mixed = new MimeMultipart(new MimePartDataSource(message));
        assertThat(mixed.getCount()).isEqualTo(2);
        MimeMultipart alternative = new MimeMultipart(new MimePartDataSource(
                (jakarta.mail.internet.MimePart) mixed.getBodyPart(0)));
        assertThat(new String(alternative.getBodyPart(0).getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("Zwölf Kamele.");
        assertThat(alternative.getBodyPart(1).getContentType()).isEqualTo("text/html; charset=UTF-8");
        assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("Bestellung ü.csv");
        assertThat(new String(mixed.getBodyPart(1).getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("camel;12\r\n");
    }

    @Test
    void badRequestsGetA400ThatSaysWhy() throws Exception {
        assertThat(postAsAlice("{\"from\": ")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).startsWith("{\"error\":\"not valid JSON at character");
        });
        assertThat(postAsAlice("[1]").body()).isEqualTo("{\"error\":\"expected a JSON object\"}\n");
        assertThat(postAsAlice("{\"to\":[\"bob@caravan.test\"],\"text\":\"x\"}").body())
                .isEqualTo("{\"error\":\"'from' is required\"}\n");
        assertThat(postAsAlice("{\"from\":\"alice@caravan.test\",\"to\":[\"Bob <bob@caravan.test>\"],\"text\":\"x\"}")
                .body()).isEqualTo("{\"error\":\"'to': 'Bob <bob@caravan.test>' is not an email address\"}\n");
        assertThat(postAsAlice("{\"from\":\"alice@caravan.test\",\"to\":[\"bob@caravan.test\"]}").body())
                .isEqualTo("{\"error\":\"'text' or 'html' is required\"}\n");
        assertThat(postAsAlice("{\"from\":\"alice@caravan.test\",\"to\":[\"bob@caravan.test\"],\"text\":\"x\","
                + "\"attachments\":[{\"name\":\"a\",\"base64\":\"***\"}]}").body())
                .isEqualTo("{\"error\":\"'attachments[0].base64' is not base64\"}\n");
        assertThat(postAsAlice("{\"from\":\"alice@caravan.test\",\"to\":[\"bob@caravan.test\"],\"text\":\"x\","
                + "\"sender\":\"x\"}").body()).isEqualTo("{\"error\":\"unknown field 'sender'\"}\n");
        assertThat(inbox("bob@caravan.test").messages()).isEmpty();
    }

    @Test
    void credentialsAreCheckedAndFromMustBeTheAccount() throws Exception {
        String json = "{\"from\":\"alice@caravan.test\",\"to\":[\"bob@caravan.test\"],\"text\":\"x\"}";

        HttpResponse<String> anonymous = post(json, null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains(BasicAuth.CHALLENGE);
        assertThat(post(json, "alice@caravan.test", "wrong").statusCode()).isEqualTo(401);
        assertThat(post(json, "bob@caravan.test", "b0b").statusCode()).isEqualTo(403);
        assertThat(post(json, "ALICE@caravan.test", "s3cret").statusCode()).isEqualTo(202);
    }

    @Test
    void limitsMethodsAndRefusalsHaveTheirOwnStatus() throws Exception {
        String big = "x".repeat(64 * 1024);
        assertThat(postAsAlice("{\"from\":\"alice@caravan.test\",\"to\":[\"bob@caravan.test\"],\"text\":\"" + big
                + "\"}").statusCode()).isEqualTo(413);
        assertThat(postAsAlice("{\"from\":\"alice@caravan.test\",\"to\":[\"nobody@caravan.test\"],\"text\":\"x\"}"))
                .satisfies(r -> {
                    assertThat(r.statusCode()).isEqualTo(422);
                    assertThat(r.body()).contains("No such user: nobody@caravan.test");
                });
        HttpResponse<String> get = client.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).contains("POST");
    }
}
