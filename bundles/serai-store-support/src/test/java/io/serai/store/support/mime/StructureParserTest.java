package io.serai.store.support.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.serai.store.api.mime.BodyPart;

/** Offsets and types the parser records, checked against the bytes they point at. */
class StructureParserTest {

    /** Dovecot imaptest fetch-body-message-rfc822-mime: a digest inside a message/rfc822, padded delimiters. */
    static final String DIGEST_IN_MESSAGE = "From: user@domain.org\r\n"
            + "Content-Type: message/rfc822\r\n"
            + "\r\n"
            + "From: sub@domain.org\r\n"
            + "Subject: submsg\r\n"
            + "Content-Type: multipart/digest; boundary=\"foo\"\r\n"
            + "\r\n"
            + "prologue\r\n"
            + "\r\n"
            + "--foo \r\n"
            + "\r\n"
            + "From: m1@example.com\r\n"
            + "Subject: m1\r\n"
            + "\r\n"
            + "m1 body\r\n"
            + "\r\n"
            + "--foo \r\n"
            + "X-Mime: m2 header\r\n"
            + "\r\n"
            + "From: m2@example.com\r\n"
            + "Subject: m2\r\n"
            + "\r\n"
            + "m2 body\r\n"
            + "\r\n"
            + "--foo--\r\n"
            + "\r\n"
            + "epilogue\r\n";

    @Test
    void digestPartsWithoutContentTypeAreEncapsulatedMessages() throws Exception {
        byte[] raw = DIGEST_IN_MESSAGE.getBytes(StandardCharsets.US_ASCII);
        BodyPart digest = new StructureParser().parse(new ByteArrayInputStream(raw)).body().parts().get(0);
        assertThat(digest.subtype()).isEqualTo("digest");
        assertThat(digest.parts()).hasSize(2);

        BodyPart first = digest.parts().get(0);
        assertThat(first.type() + "/" + first.subtype()).isEqualTo("message/rfc822");
        assertThat(slice(raw, first.offset(), first.bodyOffset() - first.offset())).isEqualTo("\r\n");
        assertThat(slice(raw, first.bodyOffset(), first.octets()))
                .isEqualTo("From: m1@example.com\r\nSubject: m1\r\n\r\nm1 body\r\n");
        assertThat(new String(first.envelope().orElseThrow().subject().orElseThrow(), StandardCharsets.US_ASCII))
                .isEqualTo("m1");
        BodyPart firstText = first.parts().get(0);
        assertThat(slice(raw, firstText.bodyOffset(), firstText.octets())).isEqualTo("m1 body\r\n");

        BodyPart second = digest.parts().get(1);
        assertThat(second.type() + "/" + second.subtype()).isEqualTo("message/rfc822");
        assertThat(slice(raw, second.offset(), second.bodyOffset() - second.offset()))
                .isEqualTo("X-Mime: m2 header\r\n\r\n");
        assertThat(slice(raw, second.bodyOffset(), second.octets()))
                .isEqualTo("From: m2@example.com\r\nSubject: m2\r\n\r\nm2 body\r\n");
    }

    @Test
    void aDigestPartMayStillSayWhatItIs() throws Exception {
        String m = "Content-Type: multipart/digest; boundary=d\r\n\r\n"
                + "--d\r\nContent-Type: text/plain\r\n\r\nplain\r\n--d--\r\n";
        byte[] raw = m.getBytes(StandardCharsets.US_ASCII);
        BodyPart part = new StructureParser().parse(new ByteArrayInputStream(raw)).body().parts().get(0);
        assertThat(part.type() + "/" + part.subtype()).isEqualTo("text/plain");
        assertThat(slice(raw, part.bodyOffset(), part.octets())).isEqualTo("plain");
    }

    /**
     * Found by fuzzing (mime-structure input 1002): mime4j and the line index disagreed on the delimiters ("--a\r"
     * then a control character), and the part placed at the last delimiter kept mime4j's longer body count, so
     * BODY[n] ran 17 octets past the end of the message.
     */
    @Test
    void aPartsBodyNeverEndsPastTheMessage() throws Exception {
        byte[] raw = ("Content-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\u000eCo((((((((ntent-Type: message/rfc822"
                + "\r\n\r\nContent-Type: multip\\\"art/mixed; boundary=a\r\n \n--a\r\n\r\nsame boundary\r\n--a--\r\n"
                + "--a--\r\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(raw).hasSize(173);
        BodyPart root = new StructureParser().parse(new ByteArrayInputStream(raw)).body();
        assertWithin(root, raw.length);
    }

    private static void assertWithin(BodyPart part, long size) {
        assertThat(part.bodyOffset()).isBetween(part.offset(), size);
        assertThat(part.bodyOffset() + part.octets()).isLessThanOrEqualTo(size);
        part.parts().forEach(p -> assertWithin(p, size));
    }

    /**
     * Found by fuzzing (mime-structure input 2350): read one octet at a time, mime4j took {@code --outer0--} for a
     * delimiter and the last part lost 24 octets; the parser now fills mime4j's reads, so the structure does not
     * depend on how the stream delivers the bytes.
     */
    @Test
    void theStructureDoesNotDependOnHowTheBytesArrive() throws Exception {
        byte[] raw = ("From: a@b\r\nContent-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n--outer\r\n"
                + "Content-Type: text/plain\r\n\r\none\r\n--outer\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nAAECAwQFBgcICQ==\r\n--outer0--\r\nepilogue\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        BodyPart whole = new StructureParser().parse(new ByteArrayInputStream(raw)).body();
        BodyPart trickled = new StructureParser().parse(new java.io.FilterInputStream(new ByteArrayInputStream(raw)) {
            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                return super.read(b, off, Math.min(len, 1));
            }
        }).body();
        assertThat(whole.parts()).hasSize(2);
        assertThat(whole.parts().get(1).octets()).isEqualTo("AAECAwQFBgcICQ==\r\n--outer0--\r\nepilogue\r\n".length());
        assertThat(trickled).isEqualTo(whole);
    }

    private static String slice(byte[] raw, long from, long length) {
        return new String(raw, (int) from, (int) length, StandardCharsets.US_ASCII);
    }
}
