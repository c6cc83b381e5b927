package io.serai.imap.protocol.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.Flags;
import io.serai.store.api.Mailbox;
import io.serai.store.api.SystemFlag;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SEARCH and UID SEARCH against the embedded store. The first message is expunged before SELECT, so sequence
 * numbers (1, 2, 3) and UIDs (2, 3, 4) differ and each test shows which one it gets.
 */
class SearchCommandTest {

    private static final String QUARTERLY = "From: Alice <alice@example.org>\r\nTo: bob@example.org\r\n"
            + "Date: Sun, 1 Nov 2026 09:00:00 +0000\r\nSubject: Quarterly numbers\r\nX-Custom: foo\r\n\r\n"
            + "Revenue is up.\r\n";
    private static final String LUNCH = "From: Bob <bob@example.org>\r\nTo: carol@example.org\r\n"
            + "Cc: dave@example.org\r\nDate: Tue, 3 Nov 2026 12:00:00 +0000\r\nSubject: Lunch?\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n"
            + "\r\nGrüße aus München\r\n";
    private static final String BIG = "From: =?UTF-8?Q?J=C3=BCrgen?= <j@example.org>\r\nTo: bob@example.org\r\n"
            + "Bcc: eve@example.org\r\nDate: Thu, 5 Nov 2026 08:00:00 +0000\r\nSubject: Logs\r\n\r\n"
            + "x".repeat(5000) + "\r\n";

    @TempDir
    Path dir;
    private SessionHarness h;
    private Mailbox inbox;

    @BeforeEach
    void fill() throws Exception {
        h = SessionHarness.loggedIn(dir);
        inbox = h.store.mailboxes(SessionHarness.USER).open("INBOX");
        long gone = append(QUARTERLY, "2026-10-01T00:00:00Z", Flags.NONE);
        append(QUARTERLY, "2026-11-01T10:00:00Z", Flags.of(SystemFlag.SEEN));
        append(LUNCH, "2026-11-03T23:59:59Z", Flags.of(Set.of(SystemFlag.FLAGGED), Set.of("work")));
        append(BIG, "2026-11-05T00:00:00Z", Flags.of(SystemFlag.DELETED));
        inbox.expunge(new long[] {gone});
        h.send("s SELECT INBOX");
    }

    private long append(String message, String internalDate, Flags flags) throws Exception {
        return inbox.append(new AppendRequest(ContentSource.of(new ByteArrayInputStream(
                message.getBytes(StandardCharsets.UTF_8))), Instant.parse(internalDate), flags)).uid();
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    private String search(String keys) {
        return h.send("a SEARCH " + keys);
    }

    private void assertFinds(String keys, String numbers) {
        assertThat(search(keys)).as(keys).isEqualTo("* SEARCH" + numbers + "\r\na OK SEARCH completed\r\n");
    }

    @Test
    void rfc9051ExampleShape() {
        assertFinds("FLAGGED SINCE 2-Nov-2026 NOT FROM \"Smith\"", " 2");
        assertFinds("FLAGGED SINCE 4-Nov-2026", "");
    }

    @Test
    void flagAndKeywordKeys() {
        assertFinds("SEEN", " 1");
        assertFinds("UNSEEN", " 2 3");
        assertFinds("DELETED", " 3");
        assertFinds("UNDELETED UNFLAGGED", " 1");
        assertFinds("ANSWERED", "");
        assertFinds("UNANSWERED UNDRAFT", " 1 2 3");
        assertFinds("KEYWORD WORK", " 2");
        assertFinds("UNKEYWORD work", " 1 3");
        // appended before this first SELECT: all recent here (RFC 3501 §2.3.2); NEW is RECENT UNSEEN
        assertFinds("RECENT", " 1 2 3");
        assertFinds("NEW", " 2 3");
        assertFinds("OLD", "");
        assertFinds("OR OLD 2", " 2");
    }

    @Test
    void headerKeysDecodeEncodedWords() {
        assertFinds("FROM alice", " 1");
        assertThat(search("FROM jürgen")).as("8-bit text must be a string, not an atom")
                .startsWith("a BAD");
        assertFinds("TO carol", " 2");
        assertFinds("CC dave", " 2");
        assertFinds("BCC eve", " 3");
        assertFinds("SUBJECT \"quarterly NUMBERS\"", " 1");
        assertFinds("HEADER X-Custom foo", " 1");
        assertFinds("HEADER x-custom \"\"", " 1");
        assertThat(h.send("a SEARCH CHARSET UTF-8 FROM {7}\r\nJürgen")).isEqualTo(
                "* SEARCH 3\r\na OK SEARCH completed\r\n");
    }

    @Test
    void textKeysSearchDecodedBodiesWithUtf8Literals() {
        assertFinds("BODY revenue", " 1");
        assertFinds("BODY quarterly", "");
        assertFinds("TEXT quarterly", " 1");
        byte[] needle = "grüße".getBytes(StandardCharsets.UTF_8);
        assertThat(h.send("a SEARCH CHARSET UTF-8 BODY {" + needle.length + "}\r\ngrüße"))
                .isEqualTo("* SEARCH 2\r\na OK SEARCH completed\r\n");
    }

    @Test
    void dateAndSizeKeys() {
        assertFinds("BEFORE 3-Nov-2026", " 1");
        assertFinds("ON 3-Nov-2026", " 2");
        assertFinds("SINCE 3-Nov-2026", " 2 3");
        assertFinds("SENTBEFORE 2-Nov-2026", " 1");
        assertFinds("SENTON 5-Nov-2026", " 3");
        assertFinds("SENTSINCE 3-Nov-2026", " 2 3");
        assertFinds("LARGER 1000", " 3");
        assertFinds("SMALLER 1000", " 1 2");
    }

    @Test
    void sequenceSetsUidSetsAndLogic() {
        assertFinds("2:*", " 2 3");
        assertFinds("*", " 3");
        assertFinds("1,3 UNSEEN", " 3");
        assertFinds("UID 3:4", " 2 3");
        assertFinds("UID 1", "");
        assertFinds("UID 9:*", " 3"); // RFC 9051 §6.4.9: "*" is the largest UID, so 9:* is 4:9
        assertFinds("OR SEEN DELETED", " 1 3");
        assertFinds("NOT (UNSEEN OR FLAGGED DELETED)", " 1");
        assertFinds("OR (SEEN FROM alice) (1:2 NOT UNFLAGGED)", " 1 2");
        // a number beyond EXISTS matches nothing (Dovecot, imaptest esearch): OK, not BAD
        assertFinds("4", "");
        assertFinds("2:1000", " 2 3");
    }

    @Test
    void uidSearchAnswersUids() {
        assertThat(h.send("a UID SEARCH UNSEEN")).isEqualTo("* SEARCH 3 4\r\na OK SEARCH completed\r\n");
        assertThat(h.send("b UID SEARCH 1:2")).isEqualTo("* SEARCH 2 3\r\nb OK SEARCH completed\r\n");
    }

    @Test
    void unknownCharsetIsNoBadcharset() {
        assertThat(search("CHARSET ISO-8859-1 ALL"))
                .isEqualTo("a NO [BADCHARSET (US-ASCII UTF-8)] Unsupported charset\r\n");
        assertFinds("CHARSET us-ascii SEEN", " 1");
    }

    @Test
    void esearchReturnOptions() {
        assertThat(search("RETURN (MIN MAX COUNT) ALL"))
                .isEqualTo("* ESEARCH (TAG \"a\") MIN 1 MAX 3 COUNT 3\r\na OK SEARCH completed\r\n");
        assertThat(h.send("b UID SEARCH RETURN () ALL"))
                .isEqualTo("* ESEARCH (TAG \"b\") UID ALL 2:4\r\nb OK SEARCH completed\r\n");
        assertThat(h.send("c UID SEARCH RETURN (ALL COUNT) OR SEEN DELETED"))
                .isEqualTo("* ESEARCH (TAG \"c\") UID COUNT 2 ALL 2,4\r\nc OK SEARCH completed\r\n");
        assertThat(h.send("d SEARCH RETURN (MIN MAX ALL COUNT) SEEN DELETED"))
                .isEqualTo("* ESEARCH (TAG \"d\") COUNT 0\r\nd OK SEARCH completed\r\n");
    }

    @Test
    void imap4rev2GetsEsearchAllWithoutReturn() {
        // as after ENABLE IMAP4rev2 (which this selected session may no longer send, RFC 5161 §3.1): RFC 9051 §6.4.4
        // says SEARCH then answers ESEARCH ALL
        h.session.enabled().add("IMAP4REV2");
        assertThat(search("UNSEEN")).isEqualTo("* ESEARCH (TAG \"a\") ALL 2:3\r\na OK SEARCH completed\r\n");
        assertThat(search("ANSWERED")).isEqualTo("* ESEARCH (TAG \"a\")\r\na OK SEARCH completed\r\n");
    }

    @Test
    void savedResultServesDollarUntilReplaced() throws Exception {
        assertThat(search("RETURN (SAVE) UNSEEN")).as("SAVE alone sends no ESEARCH")
                .isEqualTo("a OK SEARCH completed\r\n");
        assertFinds("$", " 2 3");
        assertThat(h.send("b UID STORE $ +FLAGS.SILENT (\\Answered)")).isEqualTo("b OK STORE completed\r\n");
        assertFinds("ANSWERED", " 2 3");
        assertThat(search("RETURN (SAVE MIN) ALL")).isEqualTo("* ESEARCH (TAG \"a\") MIN 1\r\na OK SEARCH completed\r\n");
        assertFinds("$", " 1");
        assertThat(search("RETURN (SAVE) CHARSET KOI8-R ALL")).startsWith("a NO [BADCHARSET");
        assertFinds("$", "");
    }

    @Test
    void messagesTheSessionHasNotSeenAreNotReported() throws Exception {
        append(QUARTERLY, "2026-11-06T00:00:00Z", Flags.NONE);
        // the store event may reach the session before or after this SEARCH: either way the SEARCH itself only
        // counts messages the session knew when it ran, and EXISTS follows it (RFC 9051 §7.4.1)
        String first = search("ALL");
        assertThat(first).startsWith("* SEARCH 1 2 3\r\n").endsWith("a OK SEARCH completed\r\n");
        StringBuilder told = new StringBuilder(first);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> told.append(h.send("n NOOP")).toString().contains("* 4 EXISTS\r\n"));
        assertFinds("ALL", " 1 2 3 4");
    }

    @Test
    void uidCapabilitiesAreAdvertised() {
        assertThat(h.send("c CAPABILITY")).contains(" UIDPLUS").contains(" MOVE").contains(" ESEARCH")
                .contains(" SEARCHRES");
    }
}
