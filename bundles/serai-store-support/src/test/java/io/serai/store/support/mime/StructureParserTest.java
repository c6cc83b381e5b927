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

    private static String slice(byte[] raw, long from, long length) {
        return new String(raw, (int) from, (int) length, StandardCharsets.US_ASCII);
    }
}
