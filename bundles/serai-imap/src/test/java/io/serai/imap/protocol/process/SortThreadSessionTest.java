package io.serai.imap.protocol.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.Flags;
import io.serai.store.api.Mailbox;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SORT, UID SORT, ESORT and THREAD (RFC 5256, RFC 5957, RFC 5267) byte for byte through a session. */
class SortThreadSessionTest {

    @TempDir
    Path dir;
    private SessionHarness h;
    private Mailbox inbox;

    @BeforeEach
    void mailbox() throws Exception {
        h = SessionHarness.loggedIn(dir);
        inbox = h.store.mailboxes(SessionHarness.USER).open("INBOX");
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    /** Appends with the given internal date (minutes after a fixed instant) and headers. */
    private void append(int arrivalMinute, String headers, String body) throws Exception {
        byte[] message = (headers + "\r\n" + body).getBytes(StandardCharsets.UTF_8);
        long uid = inbox.append(new AppendRequest(ContentSource.of(new ByteArrayInputStream(message)),
                Instant.parse("2026-11-01T00:00:00Z").plusSeconds(60L * arrivalMinute), Flags.NONE)).uid();
        inbox.claimRecent(uid + 1);
    }

    /** Five messages whose keys disagree, so each key gives its own order. */
    private void fiveMessages() throws Exception {
        append(5, "Date: Mon, 02 Nov 2026 10:00:00 +0000\r\nFrom: Zed <zed@b.example>\r\nTo: bob@x\r\n"
                + "Cc: carl@x\r\nSubject: Re: banana\r\n", "x".repeat(1000) + "\r\n");
        append(1, "Date: Mon, 02 Nov 2026 09:00:00 -0300\r\nFrom: adam@z.example\r\nTo: =?UTF-8?Q?=C3=89ve?= <eve@x>\r\n"
                + "Subject: apple\r\n", "x".repeat(10) + "\r\n");
        append(4, "From: Bea <bea@a.example>\r\nTo: Al <zoe@x>\r\nCc: amy@x\r\nSubject: [list] Cherry\r\n",
                "x".repeat(500) + "\r\n");
        append(2, "Date: Sun, 01 Nov 2026 23:00:00 +0000\r\nFrom: \"Carl\" <carl@c.example>\r\nTo: dan@x\r\n"
                + "Subject: BANANA (fwd)\r\n", "x".repeat(100) + "\r\n");
        append(3, "Date: Mon, 02 Nov 2026 11:00:00 +0000\r\nFrom: dora@d.example\r\nSubject: =?UTF-8?B?w6lsYW4=?=\r\n",
                "x".repeat(2000) + "\r\n");
        h.send("s SELECT INBOX");
    }

    @Test
    void sortsByEachKey() throws Exception {
        fiveMessages();
        assertThat(h.send("a SORT (ARRIVAL) UTF-8 ALL")).isEqualTo("* SORT 2 4 5 3 1\r\na OK SORT completed\r\n");
        // 2 is 12:00 UTC; 3 has no Date, so its internal date (00:04 on Nov 1) counts
        assertThat(h.send("a SORT (DATE) US-ASCII ALL")).isEqualTo("* SORT 3 4 1 5 2\r\na OK SORT completed\r\n");
        assertThat(h.send("a SORT (SIZE) UTF-8 ALL")).isEqualTo("* SORT 2 4 3 1 5\r\na OK SORT completed\r\n");
        // base subjects: banana, apple, Cherry, BANANA, élan; "élan" sorts with "e", after "cherry"
        assertThat(h.send("a SORT (SUBJECT) UTF-8 ALL")).isEqualTo("* SORT 2 1 4 3 5\r\na OK SORT completed\r\n");
        // FROM/TO/CC compare the local part: adam bea carl dora zed; missing To/Cc sort first as ""
        assertThat(h.send("a SORT (FROM) UTF-8 ALL")).isEqualTo("* SORT 2 3 4 5 1\r\na OK SORT completed\r\n");
        assertThat(h.send("a SORT (TO) UTF-8 ALL")).isEqualTo("* SORT 5 1 4 2 3\r\na OK SORT completed\r\n");
        assertThat(h.send("a SORT (CC) UTF-8 ALL")).isEqualTo("* SORT 2 4 5 3 1\r\na OK SORT completed\r\n");
        // display names (RFC 5957), decoded; else the address: Al, bob@x, dan@x, Éve (after "e"), none
        assertThat(h.send("a SORT (DISPLAYTO) UTF-8 ALL")).isEqualTo("* SORT 5 3 1 4 2\r\na OK SORT completed\r\n");
        assertThat(h.send("a SORT (DISPLAYFROM) UTF-8 ALL"))
                .isEqualTo("* SORT 2 3 4 5 1\r\na OK SORT completed\r\n"); // adam@z.example Bea Carl dora@… Zed
    }

    @Test
    void reverseAndSecondaryKeysAndTiesInMailboxOrder() throws Exception {
        fiveMessages();
        assertThat(h.send("a SORT (REVERSE SIZE) UTF-8 ALL")).isEqualTo("* SORT 5 1 3 4 2\r\na OK SORT completed\r\n");
        // 1 and 4 tie on subject: arrival decides, reversed
        assertThat(h.send("a SORT (SUBJECT REVERSE ARRIVAL) UTF-8 ALL"))
                .isEqualTo("* SORT 2 1 4 3 5\r\na OK SORT completed\r\n");
        assertThat(h.send("a SORT (SUBJECT ARRIVAL) UTF-8 ALL"))
                .isEqualTo("* SORT 2 4 1 3 5\r\na OK SORT completed\r\n");
        // a full tie keeps the mailbox order, also under REVERSE
        assertThat(h.send("a SORT (REVERSE CC) UTF-8 2:5")).isEqualTo("* SORT 3 2 4 5\r\na OK SORT completed\r\n");
    }

    @Test
    void uidSortAndSearchCriteria() throws Exception {
        fiveMessages();
        h.send("e STORE 1 +FLAGS.SILENT (\\Deleted)");
        h.send("x EXPUNGE");
        // UIDs 2..5 are now sequence numbers 1..4
        assertThat(h.send("a UID SORT (SIZE) UTF-8 ALL")).isEqualTo("* SORT 2 4 3 5\r\na OK SORT completed\r\n");
        assertThat(h.send("a SORT (SIZE) UTF-8 ALL")).isEqualTo("* SORT 1 3 2 4\r\na OK SORT completed\r\n");
        assertThat(h.send("a SORT (SIZE) UTF-8 SUBJECT banana")).isEqualTo("* SORT 3\r\na OK SORT completed\r\n");
        assertThat(h.send("a SORT (SIZE) UTF-8 99")).isEqualTo("* SORT\r\na OK SORT completed\r\n");
    }

    @Test
    void esortAnswersInSortOrderAndSaves() throws Exception {
        fiveMessages();
        assertThat(h.send("a SORT RETURN (MIN MAX COUNT ALL) (SIZE) UTF-8 ALL"))
                .isEqualTo("* ESEARCH (TAG \"a\") MIN 2 MAX 5 COUNT 5 ALL 2,4,3,1,5\r\na OK SORT completed\r\n");
        assertThat(h.send("a UID SORT RETURN (COUNT) (SIZE) UTF-8 1:3"))
                .isEqualTo("* ESEARCH (TAG \"a\") UID COUNT 3\r\na OK SORT completed\r\n");
        assertThat(h.send("a SORT RETURN (ALL) (ARRIVAL) UTF-8 ALL"))
                .isEqualTo("* ESEARCH (TAG \"a\") ALL 2,4:5,3,1\r\na OK SORT completed\r\n");
        assertThat(h.send("a SORT RETURN () (SIZE) UTF-8 NOT ALL"))
                .isEqualTo("* ESEARCH (TAG \"a\")\r\na OK SORT completed\r\n");
        // SAVE with MIN: the first message in sort order is saved for $ (RFC 5182 §2.4)
        assertThat(h.send("a SORT RETURN (SAVE MIN) (REVERSE SIZE) UTF-8 ALL"))
                .isEqualTo("* ESEARCH (TAG \"a\") MIN 5\r\na OK SORT completed\r\n");
        assertThat(h.send("f FETCH $ (UID)")).isEqualTo("* 5 FETCH (UID 5)\r\nf OK FETCH completed\r\n");
        assertThat(h.send("a SORT RETURN (SAVE) (SIZE) UTF-8 2:3")).isEqualTo("a OK SORT completed\r\n");
        assertThat(h.send("f SEARCH $")).isEqualTo("* SEARCH 2 3\r\nf OK SEARCH completed\r\n");
    }

    @Test
    void modSeqSearchKeyAddsTheHighestModSeq() throws Exception {
        fiveMessages();
        h.send("f STORE 3 +FLAGS.SILENT (\\Flagged)");
        String reply = h.send("a SORT (SIZE) UTF-8 MODSEQ 1");
        // the MODSEQ key also turns CONDSTORE on, announced with HIGHESTMODSEQ (RFC 7162 §3.1)
        assertThat(reply).matches("\\* SORT 2 4 3 1 5 \\(MODSEQ (\\d+)\\)\r\n\\* OK \\[HIGHESTMODSEQ \\1] .*\r\n"
                + "a OK SORT completed\r\n");
    }

    @Test
    void badInputIsRefusedWithTheRightReply() throws Exception {
        fiveMessages();
        assertThat(h.send("a SORT (SIZE) KOI8-R ALL"))
                .isEqualTo("a NO [BADCHARSET (US-ASCII UTF-8)] Unsupported charset\r\n");
        assertThat(h.send("a THREAD REFERENCES KOI8-R ALL")).startsWith("a NO [BADCHARSET");
        // the session ends after five BADs in a row (maxBadCommands), so each client sends at most four
        SessionClient first = h.login();
        first.send("s SELECT INBOX");
        assertThat(first.send("a SORT (SIZE) ALL")).startsWith("a BAD "); // the charset is required
        assertThat(first.send("a SORT (WEIGHT) UTF-8 ALL")).startsWith("a BAD ");
        assertThat(first.send("a SORT () UTF-8 ALL")).startsWith("a BAD ");
        assertThat(first.send("a SORT SIZE UTF-8 ALL")).startsWith("a BAD ");
        SessionClient second = h.login();
        second.send("s SELECT INBOX");
        assertThat(second.send("a SORT (REVERSE) UTF-8 ALL")).startsWith("a BAD ");
        assertThat(second.send("a THREAD FANCY UTF-8 ALL")).startsWith("a BAD ");
        second.send("c CLOSE");
        assertThat(second.send("a SORT (SIZE) UTF-8 ALL")).startsWith("a BAD ");
        assertThat(second.send("a THREAD REFERENCES UTF-8 ALL")).startsWith("a BAD ");
    }

    @Test
    void emptyMailbox() throws Exception {
        h.send("s SELECT INBOX");
        assertThat(h.send("a SORT (SIZE) UTF-8 ALL")).isEqualTo("* SORT\r\na OK SORT completed\r\n");
        assertThat(h.send("a THREAD REFERENCES UTF-8 ALL")).isEqualTo("* THREAD\r\na OK THREAD completed\r\n");
    }

    @Test
    void threadsByReferencesAndBySubject() throws Exception {
        append(1, "Date: Mon, 02 Nov 2026 10:00:00 +0000\r\nMessage-ID: <a@x>\r\nSubject: plan\r\n", "a\r\n");
        append(2, "Date: Mon, 02 Nov 2026 11:00:00 +0000\r\nMessage-ID: <b@x>\r\nIn-Reply-To: <a@x>\r\n"
                + "Subject: Re: plan\r\n", "b\r\n");
        append(3, "Date: Mon, 02 Nov 2026 09:00:00 +0000\r\nMessage-ID: <c@x>\r\nSubject: other\r\n", "c\r\n");
        append(4, "Date: Mon, 02 Nov 2026 12:00:00 +0000\r\nMessage-ID: <d@x>\r\n"
                + "References: <a@x>\r\n <b@x>\r\nSubject: Re: plan\r\n", "d\r\n");
        append(5, "Date: Mon, 02 Nov 2026 10:30:00 +0000\r\nMessage-ID: <e@x>\r\nIn-Reply-To: <a@x>\r\n"
                + "Subject: Re: plan\r\n", "e\r\n");
        append(6, "Date: Mon, 02 Nov 2026 13:00:00 +0000\r\nMessage-ID: <f@x>\r\nSubject: Fwd: other\r\n", "f\r\n");
        h.send("s SELECT INBOX");
        // a has replies e (10:30) and b (11:00); d answers b (References, folded); f joins c by subject
        assertThat(h.send("t THREAD REFERENCES UTF-8 ALL"))
                .isEqualTo("* THREAD (3 6)(1 (5)(2 4))\r\nt OK THREAD completed\r\n");
        assertThat(h.send("t THREAD ORDEREDSUBJECT UTF-8 ALL"))
                .isEqualTo("* THREAD (3 6)(1 (5)(2)(4))\r\nt OK THREAD completed\r\n");
        h.send("e STORE 1 +FLAGS.SILENT (\\Deleted)");
        h.send("x EXPUNGE");
        // UIDs, and a's replies now without a: a dummy holds them (RFC 5256 §4 step 4)
        assertThat(h.send("t UID THREAD REFERENCES UTF-8 ALL"))
                .isEqualTo("* THREAD (3 6)((5)(2 4))\r\nt OK THREAD completed\r\n");
        assertThat(h.send("t THREAD REFERENCES UTF-8 NOT SUBJECT other"))
                .isEqualTo("* THREAD ((4)(1 3))\r\nt OK THREAD completed\r\n");
    }

    @Test
    void capabilitiesAdvertiseWhatIsImplemented() {
        assertThat(h.send("c CAPABILITY")).contains(" SORT ").contains(" SORT=DISPLAY ").contains(" ESORT ")
                .contains(" THREAD=ORDEREDSUBJECT ").contains(" THREAD=REFERENCES ");
    }
}
