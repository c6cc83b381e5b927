package io.serai.store.support.mime;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.fuzz.FuzzInputs;
import io.serai.store.api.mime.BodyPart;
import io.serai.store.api.mime.Envelope;
import io.serai.store.api.mime.HeaderField;
import io.serai.store.api.mime.MessageStructure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link StructureParser} on mutated MIME messages: it returns a structure whose header fields and part offsets
 * lie within the input, the same however the stream delivers the bytes, and {@link StructureCodec} gives it back
 * unchanged after encode then decode. Nothing but the declared IOException may escape (none can, from a byte array).
 */
class StructureParserFuzzTest {

    private static final List<String> MESSAGES = List.of(
            "From: alice@example.org\r\nTo: bob@example.org\r\nSubject: hi\r\nDate: Mon, 7 Dec 2026 03:00:00 +0000\r\n"
                    + "Message-ID: <1@example.org>\r\n\r\nHello\r\nworld\r\n",
            "From: a@b\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"outer\"\r\n\r\npreamble\r\n"
                    + "--outer\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n"
                    + "\r\ncaf=C3=A9 =\r\nsoft\r\n--outer\r\nContent-Type: multipart/alternative; boundary=inner\r\n\r\n"
                    + "--inner\r\nContent-Type: text/plain\r\n\r\nplain\r\n--inner\r\nContent-Type: text/html\r\n\r\n"
                    + "<p>html</p>\r\n--inner--\r\n--outer\r\nContent-Type: application/octet-stream; name=x.bin\r\n"
                    + "Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=x.bin\r\n"
                    + "Content-ID: <part3@x>\r\nContent-Description: a file\r\n\r\nAAECAwQFBgcICQ==\r\n--outer--\r\nepilogue\r\n",
            StructureParserTest.DIGEST_IN_MESSAGE,
            "Subject: fwd\r\nContent-Type: message/rfc822\r\n\r\nFrom: inner@x\r\nSubject: inner\r\n"
                    + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\none\r\n--b\r\n\r\ntwo\r\n--b--\r\n",
            "Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nno final boundary\r\n",
            "From: only@header\r\nSubject: no body\r\n",
            "From: a@b\nContent-Type: multipart/related; boundary=\"=_a b\"\n\n--=_a b\n\nbare LF\n--=_a b--\n",
            "Subject: =?utf-8?B?w6k=?=\r\nX-Long: " + "x".repeat(3000) + "\r\n\tfolded " + "y".repeat(100) + "\r\n\r\nb\r\n",
            "From: j\u00c3\u00b6rg@b\u00c3\u00bccher.example\r\nContent-Type: text/plain; charset=iso-8859-1\r\n"
                    + "Content-Transfer-Encoding: 8bit\r\n\r\n\u00e9\u00e8\u00ff\0\r\n",
            "Content-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\nContent-Type: message/rfc822\r\n\r\n"
                    + "Content-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\n\r\nsame boundary\r\n--a--\r\n--a--\r\n",
            "Content-Type: multipart/mixed\r\n\r\n--\r\nno boundary parameter\r\n", "\r\n\r\n", "",
            "Content-Type: text/plain; charset=\"us-ascii\"; format=flowed; delsp=yes\r\n"
                    + "Content-Type: text/html\r\n\r\nduplicate content-type\r\n");

    private final StructureParser parser = new StructureParser();

    @Test
    void structuresLieWithinTheInputAndSurviveTheCodec() {
        FuzzInputs.run("mime-structure", MESSAGES, 2_000, (input, random) -> {
            MessageStructure s = parser.parse(new ByteArrayInputStream(input));
            long size = input.length;
            assertThat(s.headerLength()).isBetween(0L, size);
            for (HeaderField f : s.header()) {
                assertThat(f.offset()).isNotNegative();
                assertThat(f.length()).isNotNegative();
                assertThat(f.offset() + f.length()).as(f.name()).isLessThanOrEqualTo(s.headerLength());
            }
            checkPart(s.body(), 0, size, size);

            // the same structure however the bytes arrive
            MessageStructure trickled = parser.parse(new Trickle(input, random));
            assertThat(render(trickled)).isEqualTo(render(s));

            byte[] encoded = StructureCodec.encode(s);
            MessageStructure decoded = StructureCodec.decode(encoded);
            assertThat(StructureCodec.encode(decoded)).isEqualTo(encoded);
            if (!hasLongStrings(s)) { // the codec cuts strings over 16 K chars, by design
                assertThat(render(decoded)).isEqualTo(render(s));
            }
        });
    }

    private static void checkPart(BodyPart p, long from, long to, long size) {
        assertThat(p.offset()).as("offset of %s", p).isBetween(from, to);
        assertThat(p.bodyOffset()).as("body offset of %s", p).isBetween(p.offset(), to);
        assertThat(p.octets()).isNotNegative();
        assertThat(p.lines()).isNotNegative();
        assertThat(p.bodyOffset() + p.octets()).as("body end of %s", p).isLessThanOrEqualTo(size);
        for (BodyPart child : p.parts()) {
            checkPart(child, 0, size, size);
        }
    }

    private static boolean hasLongStrings(MessageStructure s) {
        return s.header().stream().anyMatch(f -> f.name().length() > 16_384) || hasLongStrings(s.body());
    }

    private static boolean hasLongStrings(BodyPart p) {
        List<String> strings = new java.util.ArrayList<>(List.of(p.type(), p.subtype(), p.encoding()));
        p.parameters().forEach((k, v) -> {
            strings.add(k);
            strings.add(v);
        });
        p.id().ifPresent(strings::add);
        p.description().ifPresent(strings::add);
        p.disposition().ifPresent(strings::add);
        return strings.stream().anyMatch(x -> x.length() > 16_384) || p.parts().stream().anyMatch(c -> hasLongStrings(c));
    }

    /** Records hold byte arrays in the envelope, so structures are compared by this rendering. */
    static String render(MessageStructure s) {
        StringBuilder out = new StringBuilder();
        out.append(s.header()).append(' ').append(s.headerLength()).append(' ').append(s.sentDate()).append('\n');
        render(s.envelope(), out);
        render(s.body(), out, 0);
        return out.toString();
    }

    private static void render(Envelope e, StringBuilder out) {
        for (Optional<byte[]> v : List.of(e.date(), e.subject(), e.from(), e.sender(), e.replyTo(), e.to(), e.cc(),
                e.bcc(), e.inReplyTo(), e.messageId())) {
            out.append(v.map(Arrays::toString).orElse("-")).append(' ');
        }
        out.append('\n');
    }

    private static void render(BodyPart p, StringBuilder out, int depth) {
        out.append("  ".repeat(depth)).append(p.type()).append('/').append(p.subtype()).append(' ')
                .append(new TreeMap<>(p.parameters())).append(' ').append(p.id()).append(' ').append(p.description())
                .append(' ').append(p.encoding()).append(' ').append(p.disposition()).append(' ').append(p.octets())
                .append(' ').append(p.lines()).append(' ').append(p.offset()).append(' ').append(p.bodyOffset())
                .append('\n');
        p.envelope().ifPresent(e -> render(e, out));
        p.parts().forEach(c -> render(c, out, depth + 1));
    }

    /** Delivers the bytes in short random reads, as a socket or a spool file might. */
    private static final class Trickle extends InputStream {
        private final byte[] data;
        private final Random random;
        private int pos;

        Trickle(byte[] data, Random random) {
            this.data = data;
            this.random = random;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (pos >= data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, data.length - pos), 1 + random.nextInt(random.nextBoolean() ? 3 : 200));
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
