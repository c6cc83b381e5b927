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

    /** Dovecot imaptest fetch-binary-mime-qp: the encoded lines, and what RFC 2045 §6.7 rules 3 and 5 make of them. */
    static final String PADDED_QP = "hello  \r\nbar=\r\n\r\nfoo\t=\r\nbar\r\nfoo\t \t= \r\n=62\r\n"
            + "foo = \t\r\nbar\r\nfoo =\r\n=62\r\nfoo  \r\nbar=\r\n\r\nfoo_bar\r\n";
    static final String PADDED_QP_DECODED = "hello\r\nbar\r\nfoo\tbar\r\nfoo\t \tb\r\nfoo bar\r\nfoo b\r\n"
            + "foo\r\nbar\r\nfoo_bar\r\n";

    @Test
    void trailingWhiteSpaceIsDeletedAndPaddingAfterASoftBreakIgnored() {
        assertThat(new String(TransferDecoding.quotedPrintable(b(PADDED_QP)), StandardCharsets.ISO_8859_1))
                .isEqualTo(PADDED_QP_DECODED).hasSize(65);
        // encoded white space is data, not padding; bare LF line ends get the same rules
        assertThat(TransferDecoding.quotedPrintable(b("a=20\r\nb \t\nc= \nd")))
                .isEqualTo(b("a \r\nb\ncd"));
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
