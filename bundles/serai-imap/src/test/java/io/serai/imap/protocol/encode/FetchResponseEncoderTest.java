package io.serai.imap.protocol.encode;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.imap.protocol.response.FetchResponse;
import io.serai.imap.protocol.response.FetchValue;
import io.serai.imap.protocol.response.LiteralData;
import io.serai.store.api.mime.BodyPart;
import io.serai.store.api.mime.Envelope;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** FETCH responses byte for byte (RFC 3501 §7.4.2 and RFC 9051 §7.5.2 examples). */
class FetchResponseEncoderTest {

    private final ResponseEncoder encoder = new ResponseEncoder();

    private String encode(boolean utf8, FetchValue... values) {
        return new String(encoder.encode(new FetchResponse(12, List.of(values)), utf8), StandardCharsets.UTF_8);
    }

    private static Optional<byte[]> v(String s) {
        return Optional.of(s.getBytes(StandardCharsets.UTF_8));
    }

    private static BodyPart leaf(String type, String subtype, Map<String, String> params, String encoding,
                                 long octets, long lines, String disposition) {
        return new BodyPart(type, subtype, params, Optional.empty(), Optional.empty(), encoding,
                Optional.ofNullable(disposition), octets, lines, 0, 0, Optional.empty(), List.of());
    }

    private static BodyPart multipart(String subtype, Map<String, String> params, BodyPart... parts) {
        return new BodyPart("multipart", subtype, params, Optional.empty(), Optional.empty(), "7bit",
                Optional.empty(), 0, 0, 0, 0, Optional.empty(), List.of(parts));
    }

    /** The header values of the RFC 3501 §7.4.2 FETCH example. */
    static final Envelope RFC3501 = new Envelope(v("Wed, 17 Jul 1996 02:23:25 -0700 (PDT)"),
            v("IMAP4rev1 WG mtg summary and minutes"), v("Terry Gray <gray@cac.washington.edu>"), Optional.empty(),
            Optional.empty(), v("imap@cac.washington.edu"),
            v("minutes@CNRI.Reston.VA.US, John Klensin <KLENSIN@MIT.EDU>"), Optional.empty(), Optional.empty(),
            v("<B27397-0100000@cac.washington.edu>"));

    @Test
    void theRfc3501Example() {
        BodyPart body = leaf("TEXT", "PLAIN", Map.of("CHARSET", "US-ASCII"), "7BIT", 3028, 92, null);
        assertThat(encode(false, new FetchValue.Flags(List.of("\\Seen")),
                new FetchValue.InternalDate(Instant.parse("1996-07-17T09:44:25Z")), new FetchValue.Size(4286),
                new FetchValue.EnvelopeValue(RFC3501), new FetchValue.Structure(body, false))).isEqualTo(
                "* 12 FETCH (FLAGS (\\Seen) INTERNALDATE \"17-Jul-1996 09:44:25 +0000\" RFC822.SIZE 4286 "
                + "ENVELOPE (\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"IMAP4rev1 WG mtg summary and minutes\" "
                + "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
                + "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
                + "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
                + "((NIL NIL \"imap\" \"cac.washington.edu\")) "
                + "((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) "
                + "NIL NIL \"<B27397-0100000@cac.washington.edu>\") "
                + "BODY (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028 92))\r\n");
    }

    @Test
    void singleDigitDaysArePaddedWithASpace() {
        assertThat(encode(false, new FetchValue.InternalDate(Instant.parse("2026-11-03T10:15:30Z"))))
                .isEqualTo("* 12 FETCH (INTERNALDATE \" 3-Nov-2026 10:15:30 +0000\")\r\n");
    }

    @Test
    void alternativeWithAnAttachmentAsBodystructureAndBody() {
        BodyPart alternative = multipart("alternative", Map.of("boundary", "in"),
                leaf("text", "plain", Map.of("charset", "utf-8"), "quoted-printable", 120, 4, null),
                leaf("text", "html", Map.of("charset", "utf-8"), "7bit", 300, 9, null));
        BodyPart pdf = leaf("application", "pdf", Map.of("name", "a b.pdf"), "base64", 4096, 53,
                "Attachment; filename=\"a b.pdf\"; size=3000");
        BodyPart mixed = multipart("mixed", Map.of("boundary", "out"), alternative, pdf);
        assertThat(encode(false, new FetchValue.Structure(mixed, true))).isEqualTo("* 12 FETCH (BODYSTRUCTURE ("
                + "((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"quoted-printable\" 120 4 NIL NIL NIL NIL)"
                + "(\"text\" \"html\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 300 9 NIL NIL NIL NIL)"
                + " \"alternative\" (\"boundary\" \"in\") NIL NIL NIL)"
                + "(\"application\" \"pdf\" (\"name\" \"a b.pdf\") NIL NIL \"base64\" 4096 NIL"
                + " (\"attachment\" (\"filename\" \"a b.pdf\" \"size\" \"3000\")) NIL NIL)"
                + " \"mixed\" (\"boundary\" \"out\") NIL NIL NIL))\r\n");
        assertThat(encode(false, new FetchValue.Structure(mixed, false))).isEqualTo("* 12 FETCH (BODY ("
                + "((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"quoted-printable\" 120 4)"
                + "(\"text\" \"html\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 300 9) \"alternative\")"
                + "(\"application\" \"pdf\" (\"name\" \"a b.pdf\") NIL NIL \"base64\" 4096) \"mixed\"))\r\n");
    }

    @Test
    void encapsulatedMessage() {
        BodyPart inner = leaf("text", "plain", Map.of(), "7bit", 10, 1, null);
        Envelope env = new Envelope(Optional.empty(), v("inner"), v("b@example.org"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
        BodyPart message = new BodyPart("message", "rfc822", Map.of(), Optional.of("<id@x>"), Optional.of("fwd"),
                "7bit", Optional.empty(), 50, 4, 0, 0, Optional.of(env), List.of(inner));
        assertThat(encode(false, new FetchValue.Structure(message, true))).isEqualTo("* 12 FETCH (BODYSTRUCTURE ("
                + "\"message\" \"rfc822\" NIL \"<id@x>\" \"fwd\" \"7bit\" 50 (NIL \"inner\" "
                + "((NIL NIL \"b\" \"example.org\")) ((NIL NIL \"b\" \"example.org\")) ((NIL NIL \"b\" \"example.org\"))"
                + " NIL NIL NIL NIL NIL) (\"text\" \"plain\" NIL NIL NIL \"7bit\" 10 1 NIL NIL NIL NIL) 4"
                + " NIL NIL NIL NIL))\r\n");
    }

    @Test
    void eightBitHeadersAreLiteralsUnlessUtf8IsEnabled() {
        Envelope env = new Envelope(Optional.empty(), v("Grüße \"quoted\""), v("Jörg <j@example.org>"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        assertThat(encode(false, new FetchValue.EnvelopeValue(env))).isEqualTo("* 12 FETCH (ENVELOPE (NIL "
                + "{16}\r\nGrüße \"quoted\" (({5}\r\nJörg NIL \"j\" \"example.org\")) (({5}\r\nJörg NIL \"j\""
                + " \"example.org\")) (({5}\r\nJörg NIL \"j\" \"example.org\")) NIL NIL NIL NIL NIL))\r\n");
        assertThat(encode(true, new FetchValue.EnvelopeValue(env))).isEqualTo("* 12 FETCH (ENVELOPE (NIL "
                + "\"Grüße \\\"quoted\\\"\" ((\"Jörg\" NIL \"j\" \"example.org\")) ((\"Jörg\" NIL \"j\""
                + " \"example.org\")) ((\"Jörg\" NIL \"j\" \"example.org\")) NIL NIL NIL NIL NIL))\r\n");
    }

    @Test
    void sectionsPartialsAndNil() {
        byte[] fields = "Subject: hi\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(encode(false, new FetchValue.Uid(7),
                new FetchValue.Section("BODY[HEADER.FIELDS (Subject \"X Y\")]", -1,
                        new LiteralData.Bytes(fields, false)),
                new FetchValue.Section("BODY[]", 0, new LiteralData.Bytes("ab".getBytes(StandardCharsets.US_ASCII),
                        false)),
                new FetchValue.Section("BODY[4]", -1, null),
                new FetchValue.Section("BINARY[2]", -1, new LiteralData.Bytes(new byte[] {0, 1}, true)),
                new FetchValue.BinarySize("BINARY.SIZE[2]", 2))).isEqualTo("* 12 FETCH (UID 7 "
                + "BODY[HEADER.FIELDS (Subject \"X Y\")] {15}\r\nSubject: hi\r\n\r\n BODY[]<0> {2}\r\nab BODY[4] NIL"
                + " BINARY[2] ~{2}\r\n\0\1 BINARY.SIZE[2] 2)\r\n");
    }
}
