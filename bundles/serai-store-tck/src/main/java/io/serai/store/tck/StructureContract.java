package io.serai.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.api.mime.BodyPart;
import io.serai.store.api.mime.HeaderField;
import io.serai.store.api.mime.MessageStructure;

/** Behaviour every MailStore has; a store's test extends this with its {@link StoreFixture}. */
public abstract class StructureContract {

    /** Where this test's store lives: a fresh location per test method, the same one on every call. */
    protected abstract StoreFixture fixture();

    public static final String MULTIPART = "From: =?UTF-8?Q?J=C3=BCrgen?= <j@example.net>\r\n"
            + "To: alice@example.org,\r\n bob@example.org\r\n"
            + "Subject: Report\r\n"
            + "Date: Tue, 3 Nov 2026 10:15:00 +0100\r\n"
            + "Message-ID: <r1@example.net>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"XX\"\r\n"
            + "\r\n"
            + "preamble\r\n"
            + "--XX\r\n"
            + "Content-Type: text/plain; charset=iso-8859-1\r\n"
            + "Content-Transfer-Encoding: quoted-printable\r\n"
            + "\r\n"
            + "Gr=FC=DFe aus M=FCnchen\r\n"
            + "--XX\r\n"
            + "Content-Type: application/pdf; name=\"r.pdf\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n"
            + "Content-Disposition: attachment; filename=\"r.pdf\"\r\n"
            + "Content-ID: <pdf1>\r\n"
            + "\r\n"
            + "JVBERi0xLjQK\r\n"
            + "--XX--\r\n";


    @Test
    void structureIsParsedOnceAtAppendWithAnExactHeaderIndex() throws Exception {
        byte[] raw = MULTIPART.getBytes(StandardCharsets.US_ASCII);
        try (MailStore store = TestStores.openWithUser(fixture())) {
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            long uid = inbox.append(TestStores.request(raw)).uid();
            MessageStructure s = inbox.content(uid).structure();

            assertThat(s.header()).extracting(HeaderField::name).containsExactly("from", "to", "subject", "date",
                    "message-id", "mime-version", "content-type");
            HeaderField to = s.header().get(1);
            assertThat(new String(raw, (int) to.offset(), to.length(), StandardCharsets.US_ASCII))
                    .isEqualTo("To: alice@example.org,\r\n bob@example.org\r\n");
            assertThat(s.headerLength()).isEqualTo(MULTIPART.indexOf("\r\n\r\n") + 4);

            assertThat(new String(s.envelope().to().orElseThrow(), StandardCharsets.US_ASCII))
                    .isEqualTo("alice@example.org, bob@example.org");
            assertThat(s.envelope().from().orElseThrow())
                    .isEqualTo("=?UTF-8?Q?J=C3=BCrgen?= <j@example.net>".getBytes(StandardCharsets.US_ASCII));
            assertThat(s.envelope().cc()).isEmpty();
            assertThat(s.sentDate()).contains(Instant.parse("2026-11-03T09:15:00Z").toEpochMilli());

            BodyPart body = s.body();
            assertThat(body.isMultipart()).isTrue();
            assertThat(body.subtype()).isEqualTo("mixed");
            assertThat(body.parts()).hasSize(2);
            BodyPart text = body.parts().get(0);
            assertThat(text.type() + "/" + text.subtype()).isEqualTo("text/plain");
            assertThat(text.parameters()).containsEntry("charset", "iso-8859-1");
            assertThat(text.encoding()).isEqualTo("quoted-printable");
            assertThat(text.octets()).isEqualTo("Gr=FC=DFe aus M=FCnchen".length());
            BodyPart pdf = body.parts().get(1);
            assertThat(pdf.parameters()).containsEntry("name", "r.pdf");
            assertThat(pdf.id()).contains("<pdf1>");
            assertThat(pdf.disposition()).hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
            assertThat(pdf.octets()).isEqualTo("JVBERi0xLjQK".length());

            // offsets let FETCH BODY[n] and BODY[n.MIME] copy bytes without parsing again
            assertThat(body.offset()).isZero();
            assertThat(body.bodyOffset()).isEqualTo(s.headerLength());
            assertThat(slice(raw, text.bodyOffset(), text.octets())).isEqualTo("Gr=FC=DFe aus M=FCnchen");
            assertThat(slice(raw, text.offset(), text.bodyOffset() - text.offset())).isEqualTo(
                    "Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n");
            assertThat(slice(raw, pdf.bodyOffset(), pdf.octets())).isEqualTo("JVBERi0xLjQK");
        }
    }

    @Test
    void nestedMultipartsAndBareLineFeedsGetExactOffsets() throws Exception {
        String m = "Content-Type: multipart/mixed; boundary=outer\n\n"
                + "--outer\n"
                + "Content-Type: multipart/alternative; boundary=inner\n\n"
                + "--inner\n\nplain text\n--inner\nContent-Type: text/html\n\n<p>html</p>\n--inner--\n"
                + "--outer\n"
                + "Content-Type: text/plain\n\nlast part\n"
                + "--outer--";
        byte[] raw = m.getBytes(StandardCharsets.US_ASCII);
        try (MailStore store = TestStores.openWithUser(fixture())) {
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            BodyPart body = inbox.content(inbox.append(TestStores.request(raw)).uid()).structure().body();
            BodyPart alternative = body.parts().get(0);
            assertThat(alternative.parts()).hasSize(2);
            BodyPart plain = alternative.parts().get(0);
            // a part without header fields: its MIME header is just the empty line
            assertThat(plain.bodyOffset()).isEqualTo(plain.offset() + 1);
            assertThat(slice(raw, plain.bodyOffset(), plain.octets())).isEqualTo("plain text");
            BodyPart html = alternative.parts().get(1);
            assertThat(slice(raw, html.bodyOffset(), html.octets())).isEqualTo("<p>html</p>");
            BodyPart last = body.parts().get(1);
            assertThat(slice(raw, last.bodyOffset(), last.octets())).isEqualTo("last part");
        }
    }

    @Test
    void anAttachedMessageHasItsOwnEnvelopeStructureAndSize() throws Exception {
        String inner = "From: carol@example.com\r\nSubject: =?UTF-8?Q?F=C3=BCr_dich?=\r\n"
                + "Content-Type: multipart/alternative; boundary=in\r\n\r\n"
                + "--in\r\nContent-Type: text/plain\r\n\r\nhello\r\n--in\r\nContent-Type: text/html\r\n\r\n<b>hi</b>\r\n--in--";
        String m = "Subject: fwd\r\nContent-Type: multipart/mixed; boundary=out\r\n\r\n"
                + "--out\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
                + "--out\r\nContent-Type: message/rfc822\r\n\r\n" + inner + "\r\n"
                + "--out--\r\n";
        byte[] raw = m.getBytes(StandardCharsets.US_ASCII);
        try (MailStore store = TestStores.openWithUser(fixture())) {
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            BodyPart body = inbox.content(inbox.append(TestStores.request(raw)).uid()).structure().body();
            BodyPart attached = body.parts().get(1);
            assertThat(attached.type() + "/" + attached.subtype()).isEqualTo("message/rfc822");
            assertThat(slice(raw, attached.bodyOffset(), attached.octets())).isEqualTo(inner);
            assertThat(attached.lines()).isEqualTo(inner.split("\r\n", -1).length);
            assertThat(new String(attached.envelope().orElseThrow().from().orElseThrow(), StandardCharsets.US_ASCII))
                    .isEqualTo("carol@example.com");
            BodyPart innerRoot = attached.parts().get(0);
            assertThat(innerRoot.subtype()).isEqualTo("alternative");
            assertThat(innerRoot.parts()).hasSize(2);
            assertThat(slice(raw, innerRoot.parts().get(1).bodyOffset(), innerRoot.parts().get(1).octets()))
                    .isEqualTo("<b>hi</b>");
            assertThat(inbox.search(new io.serai.store.api.search.TextKey(
                    io.serai.store.api.search.TextKey.Scope.BODY, "HELLO"))).hasSize(1);
        }
    }

    private static String slice(byte[] raw, long from, long length) {
        return new String(raw, (int) from, (int) length, StandardCharsets.US_ASCII);
    }

    @Test
    void garbageIsStoredVerbatimAndDescribedAsPlainText() throws Exception {
        byte[] raw = new byte[5000];
        Arrays.fill(raw, (byte) 0xFF);
        try (MailStore store = TestStores.openWithUser(fixture())) {
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            long uid = inbox.append(TestStores.request(raw)).uid();
            assertThat(TestStores.readAll(inbox.content(uid).openStream())).isEqualTo(raw);
            assertThat(inbox.content(uid).structure().body().type()).isEqualTo("text");
        }
    }
}
