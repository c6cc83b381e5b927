package io.serai.imap.protocol.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.store.api.Flags;
import io.serai.store.api.Mailbox;
import io.serai.store.api.SystemFlag;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FETCH and UID FETCH through a session against the embedded store, byte for byte. */
class FetchSessionTest {

    private static final String SIMPLE = "From: Fred Foobar <foobar@Blurdybloop.example>\r\n"
            + "Subject: afternoon meeting\r\n"
            + "To: mooch@owatagu.siam.edu.example\r\n"
            + "\r\n"
            + "Hello Joe, do you think we can meet at 3:30 tomorrow?\r\n";

    static final String MIXED = "From: a@example.org\r\n"
            + "Subject: report\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n"
            + "\r\n"
            + "preamble\r\n"
            + "--b1\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "\r\n"
            + "see attached\r\n"
            + "--b1\r\n"
            + "Content-Type: application/octet-stream; name=\"r.bin\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n"
            + "Content-Disposition: attachment; filename=\"r.bin\"\r\n"
            + "\r\n"
            + "AAECAw==\r\n"
            + "--b1\r\n"
            + "Content-Type: message/rfc822\r\n"
            + "\r\n"
            + "Subject: inner\r\n"
            + "From: b@example.org\r\n"
            + "\r\n"
            + "inner body\r\n"
            + "--b1--\r\n";

    /** Dovecot imaptest fetch-body-message-rfc822-mime: a digest inside a message/rfc822, padded delimiters. */
    private static final String DIGEST_IN_MESSAGE = "From: user@domain.org\r\n"
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

    @TempDir
    Path dir;
    private SessionHarness h;
    private Mailbox inbox;

    @BeforeEach
    void login() throws Exception {
        h = SessionHarness.loggedIn(dir);
        inbox = h.store.mailboxes(SessionHarness.USER).open("INBOX");
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    @Test
    void fastMacroAndUid() throws Exception {
        long uid = h.append("INBOX", SIMPLE, Flags.of(SystemFlag.FLAGGED));
        h.send("s SELECT INBOX");
        assertThat(h.send("f FETCH 1 FAST")).isEqualTo("* 1 FETCH (FLAGS (\\Flagged) INTERNALDATE \" 3-Nov-2026 10:15:30"
                + " +0000\" RFC822.SIZE " + SIMPLE.length() + ")\r\nf OK FETCH completed\r\n");
        assertThat(h.send("u UID FETCH " + uid + " FLAGS")).isEqualTo("* 1 FETCH (UID " + uid
                + " FLAGS (\\Flagged))\r\nu OK FETCH completed\r\n");
        assertThat(h.send("u UID FETCH 999 FLAGS")).isEqualTo("u OK FETCH completed\r\n");
    }

    @Test
    void envelopeOfASimpleMessage() throws Exception {
        h.append("INBOX", SIMPLE, Flags.NONE);
        h.send("s SELECT INBOX");
        assertThat(h.send("f FETCH 1 ENVELOPE")).isEqualTo("* 1 FETCH (ENVELOPE (NIL \"afternoon meeting\" "
                + "((\"Fred Foobar\" NIL \"foobar\" \"Blurdybloop.example\")) "
                + "((\"Fred Foobar\" NIL \"foobar\" \"Blurdybloop.example\")) "
                + "((\"Fred Foobar\" NIL \"foobar\" \"Blurdybloop.example\")) "
                + "((NIL NIL \"mooch\" \"owatagu.siam.edu.example\")) NIL NIL NIL NIL))\r\n"
                + "f OK FETCH completed\r\n");
    }

    @Test
    void bodySetsSeenAndPeekDoesNot() throws Exception {
        h.append("INBOX", SIMPLE, Flags.NONE);
        h.append("INBOX", SIMPLE, Flags.NONE);
        h.send("s SELECT INBOX");
        assertThat(h.send("p FETCH 1 BODY.PEEK[TEXT]")).isEqualTo("* 1 FETCH (BODY[TEXT] {55}\r\n"
                + "Hello Joe, do you think we can meet at 3:30 tomorrow?\r\n)\r\np OK FETCH completed\r\n");
        assertThat(inbox.messages().get(0).flags().has(SystemFlag.SEEN)).isFalse();
        // the implicit FLAGS comes first, as Dovecot and James send it
        assertThat(h.send("b FETCH 1 BODY[TEXT]<6.3>")).isEqualTo("* 1 FETCH (FLAGS (\\Seen) BODY[TEXT]<6> {3}\r\nJoe"
                + ")\r\nb OK FETCH completed\r\n");
        assertThat(inbox.messages().get(0).flags().has(SystemFlag.SEEN)).isTrue();
        assertThat(h.send("r FETCH 1 RFC822.HEADER")).startsWith("* 1 FETCH (RFC822.HEADER {");
        h.send("e EXAMINE INBOX");
        h.send("x FETCH 2 RFC822");
        assertThat(inbox.messages().get(1).flags().has(SystemFlag.SEEN)).isFalse();
    }

    @Test
    void requestedFlagsShowTheNewSeenAndUnknownCteIsNo() throws Exception {
        h.append("INBOX", SIMPLE, Flags.NONE);
        h.append("INBOX", "Content-Transfer-Encoding: x-uuencode\r\n\r\nbegin 644 x\r\n", Flags.NONE);
        h.send("s SELECT INBOX");
        assertThat(h.send("f FETCH 1 (FLAGS RFC822.TEXT)")).isEqualTo("* 1 FETCH (FLAGS (\\Seen) RFC822.TEXT {55}\r\n"
                + "Hello Joe, do you think we can meet at 3:30 tomorrow?\r\n)\r\nf OK FETCH completed\r\n");
        assertThat(h.send("g FETCH 1 BODY[TEXT]<0.5>")).isEqualTo("* 1 FETCH (BODY[TEXT]<0> {5}\r\nHello)\r\n"
                + "g OK FETCH completed\r\n"); // already \Seen: no FLAGS
        assertThat(h.send("b FETCH 2 BINARY.PEEK[1]")).isEqualTo("b NO [UNKNOWN-CTE] Unknown Content-Transfer-Encoding"
                + " x-uuencode\r\n");
        assertThat(h.send("b FETCH 2 BODY.PEEK[TEXT]<100.5>")).isEqualTo("* 2 FETCH (BODY[TEXT]<100> {0}\r\n)\r\n"
                + "b OK FETCH completed\r\n");
    }

    @Test
    void headerFieldsEchoTheListAndKeepTheBlankLine() throws Exception {
        h.append("INBOX", SIMPLE, Flags.NONE);
        h.send("s SELECT INBOX");
        assertThat(h.send("f FETCH 1 BODY.PEEK[HEADER.FIELDS (subject \"TO\")]")).isEqualTo(
                "* 1 FETCH (BODY[HEADER.FIELDS (subject TO)] {66}\r\nSubject: afternoon meeting\r\n"
                + "To: mooch@owatagu.siam.edu.example\r\n\r\n)\r\nf OK FETCH completed\r\n");
        assertThat(h.send("f FETCH 1 BODY.PEEK[HEADER.FIELDS.NOT (Subject To)]")).isEqualTo(
                "* 1 FETCH (BODY[HEADER.FIELDS.NOT (Subject To)] {50}\r\n"
                + "From: Fred Foobar <foobar@Blurdybloop.example>\r\n\r\n)\r\nf OK FETCH completed\r\n");
    }

    @Test
    void partsOfAMultipartWithAnAttachmentAndAMessage() throws Exception {
        h.append("INBOX", MIXED, Flags.NONE);
        h.send("s EXAMINE INBOX");
        assertThat(h.send("f FETCH 1 BODY[1]")).isEqualTo("* 1 FETCH (BODY[1] {12}\r\nsee attached)\r\n"
                + "f OK FETCH completed\r\n");
        assertThat(h.send("f FETCH 1 BODY[2.MIME]")).startsWith("* 1 FETCH (BODY[2.MIME] {")
                .contains("Content-Disposition: attachment; filename=\"r.bin\"\r\n\r\n)");
        assertThat(h.send("f FETCH 1 BINARY[2]")).isEqualTo("* 1 FETCH (BINARY[2] ~{4}\r\n\0\1\2\3)\r\n"
                + "f OK FETCH completed\r\n");
        assertThat(h.send("f FETCH 1 BINARY.SIZE[2]")).isEqualTo("* 1 FETCH (BINARY.SIZE[2] 4)\r\n"
                + "f OK FETCH completed\r\n");
        assertThat(h.send("f FETCH 1 BODY[3.HEADER]")).isEqualTo("* 1 FETCH (BODY[3.HEADER] {39}\r\n"
                + "Subject: inner\r\nFrom: b@example.org\r\n\r\n)\r\nf OK FETCH completed\r\n");
        assertThat(h.send("f FETCH 1 BODY[3.TEXT]")).isEqualTo("* 1 FETCH (BODY[3.TEXT] {10}\r\ninner body)\r\n"
                + "f OK FETCH completed\r\n");
        assertThat(h.send("f FETCH 1 BODY[3.1]")).isEqualTo("* 1 FETCH (BODY[3.1] {10}\r\ninner body)\r\n"
                + "f OK FETCH completed\r\n");
        assertThat(h.send("f FETCH 1 BODY[4]")).isEqualTo("* 1 FETCH (BODY[4] NIL)\r\nf OK FETCH completed\r\n");
        // octets counted by hand: 12, 8, 49, 10; the text part's CRLF before the delimiter belongs to the delimiter
        // (RFC 2046 §5.1.1), so it has no line; the message/rfc822 line count is the store's (it counts that CRLF)
        assertThat(h.send("f FETCH 1 BODYSTRUCTURE")).matches(java.util.regex.Pattern.quote(
                "* 1 FETCH (BODYSTRUCTURE ("
                + "(\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 12 0 NIL NIL NIL NIL)"
                + "(\"application\" \"octet-stream\" (\"name\" \"r.bin\") NIL NIL \"base64\" 8 NIL"
                + " (\"attachment\" (\"filename\" \"r.bin\")) NIL NIL)"
                + "(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 49 (NIL \"inner\" ((NIL NIL \"b\" \"example.org\"))"
                + " ((NIL NIL \"b\" \"example.org\")) ((NIL NIL \"b\" \"example.org\")) NIL NIL NIL NIL NIL)"
                + " (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 10 0 NIL NIL NIL NIL) ")
                + "[34]" + java.util.regex.Pattern.quote(" NIL NIL NIL NIL)"
                + " \"mixed\" (\"boundary\" \"b1\") NIL NIL NIL))\r\nf OK FETCH completed\r\n"));
        assertThat(h.send("f FETCH 1 BODY")).startsWith("* 1 FETCH (BODY ((\"text\" \"plain\" (\"charset\" \"utf-8\")"
                + " NIL NIL \"7bit\" 12 0)(").endsWith(" \"mixed\"))\r\nf OK FETCH completed\r\n");
    }

    @Test
    void binaryOfQuotedPrintableIsTheDecodedOctetsAndPartialsSliceThem() throws Exception {
        h.append("INBOX", "Content-Type: multipart/mixed; boundary=\"foo\"\r\n\r\n--foo\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\n" + TransferDecodingTest.PADDED_QP
                + "\r\n--foo--\r\n", Flags.NONE);
        h.send("s EXAMINE INBOX");
        assertThat(h.send("f FETCH 1 BINARY.SIZE[1]")).isEqualTo("* 1 FETCH (BINARY.SIZE[1] 65)\r\n"
                + "f OK FETCH completed\r\n");
        assertThat(h.send("f FETCH 1 BINARY[1]")).isEqualTo("* 1 FETCH (BINARY[1] {65}\r\n"
                + TransferDecodingTest.PADDED_QP_DECODED + ")\r\nf OK FETCH completed\r\n");
        assertThat(h.send("f FETCH 1 BINARY[1]<15.10>")).isEqualTo("* 1 FETCH (BINARY[1]<15> {10}\r\n"
                + "\tbar\r\nfoo\t)\r\nf OK FETCH completed\r\n");
        assertThat(h.send("f FETCH 1 BINARY[1]<40.100>")).isEqualTo("* 1 FETCH (BINARY[1]<40> {25}\r\n"
                + "oo b\r\nfoo\r\nbar\r\nfoo_bar\r\n)\r\nf OK FETCH completed\r\n");
    }

    @Test
    void sectionsInsideADigestInsideAMessage() throws Exception {
        h.append("INBOX", DIGEST_IN_MESSAGE, Flags.NONE);
        h.send("s EXAMINE INBOX");
        assertThat(h.send("f FETCH 1 BODY[1.1]")).isEqualTo("* 1 FETCH (BODY[1.1] {46}\r\n"
                + "From: m1@example.com\r\nSubject: m1\r\n\r\nm1 body\r\n)\r\nf OK FETCH completed\r\n");
        assertThat(h.send("f FETCH 1 BODY[1.1.MIME]")).isEqualTo("* 1 FETCH (BODY[1.1.MIME] {2}\r\n\r\n)\r\n"
                + "f OK FETCH completed\r\n");
        assertThat(h.send("f FETCH 1 BODY[1.1.HEADER]")).isEqualTo("* 1 FETCH (BODY[1.1.HEADER] {37}\r\n"
                + "From: m1@example.com\r\nSubject: m1\r\n\r\n)\r\nf OK FETCH completed\r\n");
        assertThat(h.send("f FETCH 1 BODY[1.1.TEXT]")).isEqualTo("* 1 FETCH (BODY[1.1.TEXT] {9}\r\nm1 body\r\n)\r\n"
                + "f OK FETCH completed\r\n");
        assertThat(h.send("f FETCH 1 BODY[1.2.MIME]")).isEqualTo("* 1 FETCH (BODY[1.2.MIME] {21}\r\n"
                + "X-Mime: m2 header\r\n\r\n)\r\nf OK FETCH completed\r\n");
        assertThat(h.send("f FETCH 1 BODY[1.2.TEXT]")).isEqualTo("* 1 FETCH (BODY[1.2.TEXT] {9}\r\nm2 body\r\n)\r\n"
                + "f OK FETCH completed\r\n");
    }

    @Test
    void badSequenceNumbersAndExpungedMessages() throws Exception {
        long first = h.append("INBOX", SIMPLE, Flags.NONE);
        h.append("INBOX", SIMPLE, Flags.NONE);
        h.send("s SELECT INBOX");
        assertThat(h.send("f FETCH 3 FLAGS")).startsWith("f BAD ");
        assertThat(h.send("f FETCH 0 FLAGS")).startsWith("f BAD ");
        inbox.expunge(new long[] {first}); // by another session: this one still numbers it 1
        assertThat(h.send("f FETCH 1:2 (UID BODY.PEEK[HEADER.FIELDS (Subject)])")).isEqualTo(
                "* 2 FETCH (UID 2 BODY[HEADER.FIELDS (Subject)] {30}\r\nSubject: afternoon meeting\r\n\r\n)\r\n"
                + "f OK [EXPUNGEISSUED] Some messages were expunged meanwhile\r\n");
    }
}
