package io.serai.camel.mailbox;

import static io.serai.camel.mailbox.StoreFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.serai.camel.mailbox.mime.MessagePart;
import io.serai.camel.mailbox.mime.MessageParts;
import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.Mailbox;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of stored messages: which are attachments, their names in every form senders use, their content. */
class MessagePartsTest {

    /** As clients write them: a named text body, HTML, RFC 2231 continued and RFC 2047 names, a forwarded mail. */
    private static final String MAIL = String.join("\r\n",
            "From: bob@example.org",
            "To: alice@caravan.test",
            "Subject: parts",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"outer\"",
            "",
            "--outer",
            "Content-Type: multipart/alternative; boundary=\"alt\"",
            "",
            "--alt",
            "Content-Type: text/plain; charset=UTF-8; name=\"body.txt\"",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "Zw=C3=B6lf Kamele.",
            "--alt",
            "Content-Type: text/html; charset=UTF-8",
            "",
            "<p>Twelve camels.</p>",
            "--alt--",
            "--outer",
            "Content-Type: application/pdf",
            "Content-Disposition: attachment;",
            " filename*0*=UTF-8''%C3%9Cbersicht%20der%20;",
            " filename*1*=Kamele%20im%20M%C3%A4rz;",
            " filename*2=\".pdf\"",
            "Content-Transfer-Encoding: base64",
            "",
            "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4v",
            "--outer",
            "Content-Type: text/csv; name=\"=?UTF-8?Q?Bestellung_=E2=82=AC.csv?=\"",
            "",
            "camel;12",
            "--outer",
            "Content-Type: image/png; name=\"logo.png\"",
            "Content-Disposition: inline",
            "Content-Transfer-Encoding: base64",
            "",
            "iVBORw0KGgo=",
            "--outer",
            "Content-Type: message/rfc822",
            "Content-Disposition: attachment",
            "",
            "Subject: forwarded",
            "",
            "inner",
            "--outer--",
            "");

    @TempDir
    Path dir;
    private StoreFixture fixture;
    private CamelContext camel;

    @BeforeEach
    void start() throws Exception {
        fixture = new StoreFixture(dir.resolve("store"));
    }

    @AfterEach
    void stop() throws Exception {
        if (camel != null) {
            camel.stop();
        }
        fixture.close();
    }

    private MessageParts stored(String mail) throws Exception {
        Mailbox inbox = fixture.folder("INBOX");
        long uid = inbox.append(AppendRequest.of(ContentSource.of(
                new ByteArrayInputStream(mail.getBytes(StandardCharsets.UTF_8))))).uid();
        return MessageParts.of(inbox.content(uid));
    }

    private static String text(MessagePart part) throws Exception {
        try (InputStream in = part.openDecoded()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void attachmentsAreTheDispositionAttachmentsAndNamedPartsThatAreNotTheText() throws Exception {
        MessageParts parts = stored(MAIL);

        assertThat(parts.all()).hasSize(6);
        assertThat(parts.attachments()).extracting(MessagePart::fileName, MessagePart::contentType).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Übersicht der Kamele im März.pdf", "application/pdf"),
                org.assertj.core.groups.Tuple.tuple("Bestellung €.csv", "text/csv"),
                org.assertj.core.groups.Tuple.tuple("logo.png", "image/png"),
                org.assertj.core.groups.Tuple.tuple(null, "message/rfc822"));
        MessagePart textBody = parts.firstBody("text/plain").orElseThrow();
        assertThat(textBody.fileName()).isEqualTo("body.txt");
        assertThat(textBody.parameter("Charset")).isEqualTo("UTF-8");
        assertThat(text(textBody)).isEqualTo("Zwölf Kamele.");
        assertThat(text(parts.firstBody("TEXT/HTML").orElseThrow())).isEqualTo("<p>Twelve camels.</p>");
    }

    @Test
    void contentIsTransferDecoded() throws Exception {
        List<MessagePart> attachments = stored(MAIL).attachments();

        byte[] expected = new byte[48];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) i;
        }
        try (InputStream in = attachments.get(0).openDecoded()) {
            assertThat(in.readAllBytes()).isEqualTo(expected);
        }
        assertThat(text(attachments.get(1))).isEqualTo("camel;12");
        assertThat(text(attachments.get(3))).isEqualTo("Subject: forwarded\r\n\r\ninner");
    }

    @Test
    void extendedAndBrokenNames() throws Exception {
        String mail = String.join("\r\n", "Subject: names", "Content-Type: multipart/mixed; boundary=b", "",
                "--b", "Content-Type: text/plain", "", "text",
                "--b", "Content-Disposition: attachment; filename*=iso-8859-1'de'R%E9sum%E9.txt", "", "x",
                "--b", "Content-Disposition: attachment; filename*=UTF-8''bad%ZZescape.txt", "", "y",
                "--b", "Content-Disposition: attachment; filename=\"plain.txt\"", "", "z",
                "--b", "Content-Type: text/plain; name=\"second.txt\"", "", "w",
                "--b--", "");

        assertThat(stored(mail).attachments()).extracting(MessagePart::fileName)
                .containsExactly("Résumé.txt", "UTF-8''bad%ZZescape.txt", "plain.txt", "second.txt");
    }

    @Test
    void theConsumerHandsTheRouteTheStoredMessage() throws Exception {
        List<String> names = new CopyOnWriteArrayList<>();
        camel = fixture.camel(new RouteBuilder() {
            @Override
            public void configure() {
                from("mailbox:" + ALICE + "?store=#store&stateDirectory=" + dir.resolve("state"))
                        .process(e -> MessageParts.of(e).attachments().forEach(p -> names.add(p.fileName())));
            }
        });
        stored(MAIL);

        await().atMost(Duration.ofSeconds(10)).until(() -> names.size() == 4);
        assertThat(names).startsWith("Übersicht der Kamele im März.pdf", "Bestellung €.csv");
        assertThatThrownBy(() -> MessageParts.of(new DefaultExchange(camel)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(MessageParts.CONTENT_PROPERTY);
    }
}
