package io.serai.imap.protocol.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Content-Transfer-Encoding removal for BINARY (RFC 2045 §6.7, §6.8). */
class TransferDecodingTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void quotedPrintable() {
        assertThat(TransferDecoding.quotedPrintable(b("Gr=C3=BC=C3=9Fe, soft=\r\nbreak=\nand =3D, bad =ZZ end=")))
                .isEqualTo("Grüße, softbreakand =, bad =ZZ end=".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void base64AcrossLinesAndUnknownEncodings() throws Exception {
        assertThat(TransferDecoding.decode("base64", b("AAEC\r\nAw==\r\n"))).containsExactly(0, 1, 2, 3);
        assertThat(TransferDecoding.identity("8bit")).isTrue();
        assertThat(TransferDecoding.identity("x-uuencode")).isFalse();
        assertThatThrownBy(() -> TransferDecoding.decode("x-uuencode", b("begin")))
                .isInstanceOf(UnknownTransferEncodingException.class);
    }
}
