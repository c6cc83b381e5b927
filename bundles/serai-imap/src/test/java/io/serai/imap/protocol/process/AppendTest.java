package io.serai.imap.protocol.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.store.api.Mailbox;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.SystemFlag;

import java.nio.file.Path;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppendTest {

    private static final String MESSAGE = "Subject: hi\r\n\r\nbody\r\n";

    @TempDir
    Path dir;
    private SessionHarness h;

    @BeforeEach
    void login() throws Exception {
        h = SessionHarness.loggedIn(dir);
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    private String append(String mailbox, String options) {
        return h.send("a APPEND " + mailbox + options + " {" + MESSAGE.length() + "}\r\n" + MESSAGE);
    }

    @Test
    void appendStoresFlagsDateAndReportsAppendUid() throws Exception {
        Mailbox sent = h.store.mailboxes(SessionHarness.USER).open("Sent");
        long uidValidity = sent.info().uidValidity();
        assertThat(append("Sent", " (\\Seen \\Recent $Work) \"17-Jul-1996 02:44:25 -0700\""))
                .isEqualTo("a OK [APPENDUID " + uidValidity + " 1] APPEND completed\r\n");
        MessageMeta meta = sent.messages().get(0);
        assertThat(meta.flags().has(SystemFlag.SEEN)).isTrue();
        assertThat(meta.flags().keywords()).containsExactly("$work");
        assertThat(meta.internalDate()).isEqualTo(Instant.parse("1996-07-17T09:44:25Z"));
        assertThat(meta.size()).isEqualTo(MESSAGE.length());
    }

    /**
     * Dovecot imaptest append-binary: a literal8 (RFC 3516 §4.4) whose body has NUL octets is stored with that part
     * in base64, so BODY[1] is a plain literal, and BINARY gives the octets back in a literal8 (§4.3).
     */
    @Test
    void aBinaryLiteralWithNulOctetsIsStoredWithThatPartInBase64() throws Exception {
        // imaptest append-binary: BODY[1] may not carry the NUL (RFC 9051 §4.3), BINARY[1] gives the octets back
        String message = "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n\r\n"
                + "\0-\u0001\n\r\n\n";
        assertThat(h.send("a APPEND INBOX ~{" + message.length() + "}\r\n" + message)).startsWith("a OK [APPENDUID ");
        h.send("s EXAMINE INBOX");
        assertThat(h.send("f FETCH 1 (BINARY.SIZE[1] BINARY[1])")).isEqualTo(
                "* 1 FETCH (BINARY.SIZE[1] 7 BINARY[1] ~{7}\r\n\0-\u0001\n\r\n\n)\r\nf OK FETCH completed\r\n");
        String base64 = java.util.Base64.getEncoder().encodeToString(
                "\0-\u0001\n\r\n\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(h.send("b FETCH 1 (BODY.PEEK[1] BODY.PEEK[HEADER])")).isEqualTo("* 1 FETCH (BODY[1] {"
                + (base64.length() + 2) + "}\r\n" + base64 + "\r\n BODY[HEADER] {77}\r\n"
                + "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n)\r\n"
                + "b OK FETCH completed\r\n");
    }

    @Test
    void aBinaryLiteralWithoutNulIsStoredByteForByte() throws Exception {
        String message = "Subject: 8bit\r\nContent-Transfer-Encoding: binary\r\n\r\n\u007f\u0001\r\n";
        assertThat(h.send("a APPEND INBOX ~{" + message.length() + "}\r\n" + message)).startsWith("a OK [APPENDUID ");
        try (var in = h.store.mailboxes(SessionHarness.USER).open("INBOX").content(1).openStream()) {
            assertThat(in.readAllBytes()).isEqualTo(message.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void aNulInAHeaderIsRefusedAndNothingIsStored() throws Exception {
        String message = "Subject: a\0b\r\n\r\nbody\r\n";
        assertThat(h.send("a APPEND INBOX ~{" + message.length() + "}\r\n" + message))
                .isEqualTo("a NO [PARSE] Message has a NUL octet outside any MIME part body\r\n");
        assertThat(h.store.mailboxes(SessionHarness.USER).open("INBOX").uids()).isEmpty();
    }

    @Test
    void appendErrors() {
        assertThat(append("Nope", "")).isEqualTo("a NO [TRYCREATE] No such mailbox\r\n");
        assertThat(append("INBOX", " (\\Bogus)")).isEqualTo("a BAD Unknown system flag\r\n");
        String big = "x".repeat(1_000_001);
        assertThat(h.send("b APPEND INBOX {" + big.length() + "}\r\n" + big))
                .isEqualTo("b NO [TOOBIG] Message exceeds APPENDLIMIT\r\n");
    }

    @Test
    void appendToTheSelectedMailboxReportsExists() throws Exception {
        h.send("s SELECT INBOX");
        // its own APPENDs are new to the session: \Recent for it (RFC 3501 §2.3.2)
        assertThat(append("INBOX", "")).startsWith("* 1 EXISTS\r\n* 1 RECENT\r\na OK [APPENDUID ");
        assertThat(append("INBOX", "")).startsWith("* 2 EXISTS\r\n* 2 RECENT\r\na OK [APPENDUID ");
        h.store.mailboxes(SessionHarness.USER).open("INBOX").updateFlags(
                h.store.mailboxes(SessionHarness.USER).open("INBOX").uids(),
                io.serai.store.api.FlagUpdate.add(io.serai.store.api.Flags.of(SystemFlag.DELETED)));
        assertThat(h.send("e EXPUNGE")).isEqualTo("* 1 EXPUNGE\r\n* 1 EXPUNGE\r\n* 0 RECENT\r\ne OK EXPUNGE completed\r\n");
    }

    @Test
    void aKeywordNewToTheSelectedMailboxIsAnnouncedBeforeTheTaggedOk() throws Exception {
        h.send("s SELECT INBOX");
        // RFC 3501 §6.3.11/§7.2.6, James' MPT UserFlagsSupport: EXISTS, then the FLAGS list with the new keyword
        assertThat(append("INBOX", " (\\Seen appendflag)")).startsWith("* 1 EXISTS\r\n* 1 RECENT\r\n"
                + "* FLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft appendflag)\r\n"
                + "* OK [PERMANENTFLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft appendflag \\*)] Flags\r\n"
                + "a OK [APPENDUID ");
        // known now: neither a second APPEND nor a FETCH repeats it
        assertThat(append("INBOX", " (appendflag)")).startsWith("* 2 EXISTS\r\n* 2 RECENT\r\na OK [APPENDUID ");
        assertThat(h.send("f FETCH 2 FLAGS")).isEqualTo("* 2 FETCH (FLAGS (\\Recent appendflag))\r\nf OK FETCH completed\r\n");
    }

    @Test
    void multiappendStoresEveryMessageWithItsOwnFlagsAndDate() throws Exception {
        Mailbox sent = h.store.mailboxes(SessionHarness.USER).open("Sent");
        long uidValidity = sent.info().uidValidity();
        String second = "Subject: two\r\n\r\nsecond\r\n";
        // RFC 3502 §6.3.11: 1*(SP [flag-list SP] [date-time SP] literal), all or none
        assertThat(h.send("m APPEND Sent (\\Seen) {" + MESSAGE.length() + "}\r\n" + MESSAGE
                + " \"17-Jul-1996 02:44:25 -0700\" {" + second.length() + "}\r\n" + second
                + " {" + MESSAGE.length() + "}\r\n" + MESSAGE))
                .isEqualTo("m OK [APPENDUID " + uidValidity + " 1:3] APPEND completed\r\n");
        var metas = sent.messages();
        assertThat(metas).hasSize(3);
        assertThat(metas.get(0).flags().has(SystemFlag.SEEN)).isTrue();
        assertThat(metas.get(1).flags().has(SystemFlag.SEEN)).isFalse();
        assertThat(metas.get(1).internalDate()).isEqualTo(Instant.parse("1996-07-17T09:44:25Z"));
        assertThat(new String(sent.content(metas.get(1).uid()).openStream().readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(second);
    }

    @Test
    void multiappendWithOneBadMessageAppendsNothing() throws Exception {
        Mailbox sent = h.store.mailboxes(SessionHarness.USER).open("Sent");
        assertThat(h.send("m APPEND Sent {" + MESSAGE.length() + "}\r\n" + MESSAGE
                + " (\\Bogus) {" + MESSAGE.length() + "}\r\n" + MESSAGE)).isEqualTo("m BAD Unknown system flag\r\n");
        String big = "x".repeat(1_000_001);
        assertThat(h.send("n APPEND Sent {" + MESSAGE.length() + "}\r\n" + MESSAGE + " {" + big.length() + "}\r\n"
                + big)).isEqualTo("n NO [TOOBIG] Message exceeds APPENDLIMIT\r\n");
        assertThat(sent.uids()).isEmpty();
        assertThat(h.send("c CAPABILITY")).contains(" MULTIAPPEND");
    }
}
