package io.serai.camel.mailbox;

import static io.serai.camel.mailbox.StoreFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.mime.BodyPart;
import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.attachment.Attachment;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mailbox: with MIME: the producer builds a message from text, headers and Camel attachments ({@code build=true}),
 * and the consumer hands a message's attachments to the route as Camel attachments with safe names, within limits
 * ({@code attachments=true}).
 */
class MailboxMimeTest {

    private static final byte[] BINARY = new byte[256];

    static {
        for (int i = 0; i < BINARY.length; i++) {
            BINARY[i] = (byte) i;
        }
    }

    @TempDir
    Path dir;
    private StoreFixture fixture;
    private CamelContext camel;
    private final Map<String, byte[]> received = new ConcurrentHashMap<>();
    private final Map<String, Object> skipped = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        fixture = new StoreFixture(dir.resolve("store"));
        fixture.store.mailboxes(ALICE).create("Outbox");
    }

    @AfterEach
    void stop() throws Exception {
        if (camel != null) {
            camel.stop();
        }
        fixture.close();
    }

    private void routes(String consumerOptions) throws Exception {
        camel = fixture.camel(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:build").to("mailbox:" + ALICE + "/Outbox?store=#store&build=true");
                from("mailbox:" + ALICE + "/Outbox?store=#store&attachments=true&stateDirectory="
                        + dir.resolve("state") + consumerOptions).routeId("read").process(e -> {
                            AttachmentMessage in = e.getMessage(AttachmentMessage.class);
                            skipped.put("count", in.getHeader(MailboxConstants.ATTACHMENTS_SKIPPED));
                            if (in.hasAttachments()) {
                                for (Map.Entry<String, Attachment> a : in.getAttachmentObjects().entrySet()) {
                                    try (InputStream data = a.getValue().getDataHandler().getInputStream()) {
                                        received.put(a.getKey(), data.readAllBytes());
                                    }
                                }
                            }
                            received.put("#body", e.getMessage().getBody(byte[].class));
                        });
            }
        });
    }

    private static DataHandler data(String type, byte[] bytes) {
        return new DataHandler(new DataSource() {
            @Override
            public InputStream getInputStream() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public OutputStream getOutputStream() {
                throw new UnsupportedOperationException();
            }

            @Override
            public String getContentType() {
                return type;
            }

            @Override
            public String getName() {
                return "data";
            }
        });
    }

    private void sendBuilt(String subject, Map<String, byte[]> attachments) {
        camel.createProducerTemplate().send("direct:build", (Exchange e) -> {
            AttachmentMessage in = e.getMessage(AttachmentMessage.class);
            in.setHeader("From", "Zoë Ünal <zoe@example.org>");
            in.setHeader("To", "alice@caravan.test, \"Bob\" <bob@example.org>");
            in.setHeader("Subject", subject);
            in.setBody("Grüße aus der Karawanserei\nZeile 2\n");
            attachments.forEach((name, bytes) -> in.addAttachment(name, data("application/octet-stream", bytes)));
        });
    }

    @Test
    void builtMessageWithAttachmentsComesBackAsAttachmentsWithSafeNames() throws Exception {
        routes("");
        Map<String, byte[]> sent = new java.util.LinkedHashMap<>();
        sent.put("../../etc/passwd", "root:x:0:0".getBytes(StandardCharsets.US_ASCII));
        sent.put("Übersicht März 2026.bin", BINARY);
        sendBuilt("Prüfbericht ✓ für Ørsted", sent);

        await().atMost(Duration.ofSeconds(10)).until(() -> received.containsKey("#body"));
        assertThat(received).containsKeys("passwd", "Übersicht März 2026.bin");
        assertThat(received.get("passwd")).isEqualTo(sent.get("../../etc/passwd"));
        assertThat(received.get("Übersicht März 2026.bin")).isEqualTo(BINARY);
        assertThat(skipped.get("count")).isEqualTo(0);

        String raw = new String(received.get("#body"), StandardCharsets.US_ASCII);
        assertThat(raw).contains("Subject: =?UTF-8?").contains("From: =?").contains("?= <zoe@example.org>")
                .contains("Message-ID: <").contains("@example.org>").doesNotContain("\n\n").contains("\r\n\r\n");
        // the store's own MIME parser sees what the builder meant
        long uid = fixture.folder("Outbox").uids()[0];
        BodyPart body = fixture.folder("Outbox").content(uid).structure().body();
        assertThat(body.subtype()).isEqualTo("mixed");
        assertThat(body.parts()).hasSize(3);
        assertThat(body.parts().get(0).type()).isEqualTo("text");
        assertThat(body.parts().get(0).parameters()).containsEntry("charset", "UTF-8");
        assertThat(body.parts().get(2).disposition()).hasValueSatisfying(d -> assertThat(d)
                .startsWith("attachment; filename*=UTF-8''%C3%9Cbersicht%20M%C3%A4rz%202026.bin"));
    }

    @Test
    void plainTextMessageWithoutAttachmentsIsOnePart() throws Exception {
        routes("");
        sendBuilt("Hello", Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> received.containsKey("#body"));
        long uid = fixture.folder("Outbox").uids()[0];
        BodyPart body = fixture.folder("Outbox").content(uid).structure().body();
        assertThat(body.type() + "/" + body.subtype()).isEqualTo("text/plain");
        assertThat(body.encoding()).isEqualTo("base64"); // non-ASCII text
        assertThat(received).containsOnlyKeys("#body");
    }

    @Test
    void attachmentsOverTheLimitsAreLeftOutAndCounted() throws Exception {
        String boundary = "b1";
        String raw = "From: bob@example.org\r\nSubject: three\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=" + boundary + "\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n"
                + "--b1\r\nContent-Type: text/plain; name=\"small.txt\"\r\nContent-Disposition: attachment\r\n\r\ntiny\r\n"
                + "--b1\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=big.bin\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + java.util.Base64.getEncoder().encodeToString(BINARY)
                + "\r\n"
                + "--b1\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"con.txt\"\r\n\r\nx\r\n"
                + "--b1--\r\n";
        routes("&fromStart=true&maxAttachments=1&maxAttachmentSize=100");
        fixture.folder("Outbox").append(AppendRequest.of(ContentSource.of(
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)))));
        await().atMost(Duration.ofSeconds(10)).until(() -> received.containsKey("#body"));
        assertThat(received).containsOnlyKeys("#body", "small.txt");
        assertThat(new String(received.get("small.txt"), StandardCharsets.US_ASCII)).isEqualTo("tiny");
        assertThat(skipped.get("count")).isEqualTo(2); // big.bin over the size, con.txt over the count
    }

    @Test
    void headerInjectionIsRefusedAndNothingIsStored() throws Exception {
        routes("");
        assertThatThrownBy(() -> camel.createProducerTemplate().sendBodyAndHeader("direct:build", "text", "Subject",
                "hi\r\nBcc: everyone@example.org")).isInstanceOf(CamelExecutionException.class)
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThat(fixture.folder("Outbox").uids()).isEmpty();
    }
}
