package io.serai.store.support.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.serai.store.api.mime.BodyPart;
import io.serai.store.api.mime.MessageStructure;

/** Only NUL-bearing leaf parts change, to base64 with the same decoded octets; everything else byte for byte. */
class NulPartEncoderTest {

    private static final byte[] BINARY = {' ', '-', 0, '\r', '\n', 0, (byte) 0xff};

    @Test
    void aSinglePartBinaryMessageBecomesBase64WithTheSameOctets() throws IOException {
        byte[] message = concat(ascii("From: user@domain.org\r\n"
                + "Content-Type: application/octet-stream\r\n"
                + "Content-Transfer-Encoding: binary\r\n"
                + "\r\n"), BINARY);

        byte[] converted = convert(message, NulPartEncoder.Result.CONVERTED);

        assertThat(new String(converted, StandardCharsets.US_ASCII)).isEqualTo("From: user@domain.org\r\n"
                + "Content-Type: application/octet-stream\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "\r\n"
                + Base64.getEncoder().encodeToString(BINARY) + "\r\n");
    }

    @Test
    void onlyThePartWithANulChangesAndAFoldedEncodingFieldGoesWhole() throws IOException {
        String text = "--b\r\n"
                + "Content-Type: text/plain\r\n"
                + "\r\n"
                + "plain \u00e9 stays\r\n";
        byte[] message = concat(ascii("From: a@b.example\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n"
                + "\r\n"
                + "preamble\r\n"), text.getBytes(StandardCharsets.ISO_8859_1), ascii("--b\r\n"
                + "Content-Transfer-Encoding:\r\n binary\r\n"
                + "Content-Type: application/x-thing\r\n"
                + "\r\n"), BINARY, ascii("\r\n--b--\r\n"));

        byte[] converted = convert(message, NulPartEncoder.Result.CONVERTED);

        byte[] expected = concat(ascii("From: a@b.example\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n"
                + "\r\n"
                + "preamble\r\n"), text.getBytes(StandardCharsets.ISO_8859_1), ascii("--b\r\n"
                + "Content-Type: application/x-thing\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "\r\n"
                + Base64.getEncoder().encodeToString(BINARY)
                + "\r\n--b--\r\n"));
        assertThat(converted).isEqualTo(expected);
        BodyPart second = parse(converted).body().parts().get(1);
        assertThat(second.encoding()).isEqualTo("base64");
        assertThat(Base64.getMimeDecoder().decode(slice(converted, second))).isEqualTo(BINARY);
    }

    @Test
    void longBinaryBodiesAreWrittenInLinesOfSeventySixCharacters() throws IOException {
        byte[] body = new byte[1000];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }
        byte[] message = concat(ascii("Content-Type: application/octet-stream\r\n\r\n"), body);

        byte[] converted = convert(message, NulPartEncoder.Result.CONVERTED);

        String text = new String(converted, StandardCharsets.US_ASCII);
        String encoded = text.substring(text.indexOf("\r\n\r\n") + 4);
        assertThat(encoded.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
        assertThat(Base64.getMimeDecoder().decode(encoded)).isEqualTo(body);
    }

    @Test
    void aPartInsideAnAttachedMessageIsConvertedWhereItIs() throws IOException {
        byte[] message = concat(ascii("Content-Type: message/rfc822\r\n"
                + "\r\n"
                + "Subject: inner\r\n"
                + "Content-Transfer-Encoding: binary\r\n"
                + "\r\n"), BINARY);

        byte[] converted = convert(message, NulPartEncoder.Result.CONVERTED);

        assertThat(new String(converted, StandardCharsets.US_ASCII)).isEqualTo("Content-Type: message/rfc822\r\n"
                + "\r\n"
                + "Subject: inner\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "\r\n"
                + Base64.getEncoder().encodeToString(BINARY) + "\r\n");
    }

    @Test
    void withoutANulNothingIsWritten() throws IOException {
        byte[] message = ascii("Subject: plain\r\n\r\n8bit \u00ff body\r\n");

        assertThat(convert(message, NulPartEncoder.Result.UNCHANGED)).isEmpty();
        assertThat(NulPartEncoder.containsNul(new ByteArrayInputStream(message))).isFalse();
    }

    @Test
    void aNulInAHeaderOrPreambleCannotBeRepresented() throws IOException {
        byte[] inHeader = concat(ascii("Subject: a"), new byte[] {0}, ascii("b\r\n\r\nbody\r\n"));
        byte[] inPreamble = concat(ascii("Content-Type: multipart/mixed; boundary=b\r\n\r\npre"), new byte[] {0},
                ascii("\r\n--b\r\n\r\nbody\r\n--b--\r\n"));

        convert(inHeader, NulPartEncoder.Result.UNREPRESENTABLE);
        convert(inPreamble, NulPartEncoder.Result.UNREPRESENTABLE);
        assertThat(NulPartEncoder.containsNul(new ByteArrayInputStream(inHeader))).isTrue();
    }

    private static byte[] convert(byte[] message, NulPartEncoder.Result expected) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(new NulPartEncoder().encode(() -> new ByteArrayInputStream(message), out)).isEqualTo(expected);
        return out.toByteArray();
    }

    private static MessageStructure parse(byte[] message) throws IOException {
        return new StructureParser().parse(new ByteArrayInputStream(message));
    }

    private static byte[] slice(byte[] message, BodyPart part) {
        return java.util.Arrays.copyOfRange(message, (int) part.bodyOffset(), (int) (part.bodyOffset() + part.octets()));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
