package io.serai.imap.protocol.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.store.api.FlagUpdate;
import io.serai.store.api.Flags;
import io.serai.store.api.Mailbox;
import io.serai.store.api.SystemFlag;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * QRESYNC (RFC 7162 §3.2) byte for byte. Six messages (UIDs 1 to 6, MODSEQ 2 to 7); UIDs 2 and 5 are expunged
 * before each test's SELECT, at MODSEQ 9, after \Flagged was set on UID 4 at MODSEQ 8.
 */
class QresyncSessionTest {

    private static final String MESSAGE = "Subject: s\r\n\r\nx\r\n";

    @TempDir
    Path dir;
    private SessionHarness h;
    private Mailbox inbox;
    private long uidValidity;

    @BeforeEach
    void sixMessagesTwoExpunged() throws Exception {
        h = SessionHarness.loggedIn(dir);
        for (int i = 0; i < 6; i++) {
            h.append("INBOX", MESSAGE, Flags.of());
        }
        inbox = h.store.mailboxes(SessionHarness.USER).open("INBOX");
        inbox.updateFlags(new long[] {4}, FlagUpdate.add(Flags.of(SystemFlag.FLAGGED)));
        inbox.expunge(new long[] {2, 5});
        uidValidity = inbox.info().uidValidity();
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    @Test
    void selectQresyncNeedsEnable() {
        assertThat(h.send("a SELECT INBOX (QRESYNC (" + uidValidity + " 1))"))
                .isEqualTo("a BAD QRESYNC needs ENABLE QRESYNC\r\n");
        assertThat(h.send("b ENABLE QRESYNC")).isEqualTo("* ENABLED QRESYNC\r\nb OK ENABLE completed\r\n");
    }

    @Test
    void selectQresyncReportsVanishedEarlierAndChangedFlags() {
        h.send("a ENABLE QRESYNC");
        // RFC 7162 §3.2.5.1 example: after HIGHESTMODSEQ, VANISHED (EARLIER) and then FETCH (UID FLAGS MODSEQ)
        assertThat(h.send("b SELECT INBOX (QRESYNC (" + uidValidity + " 7 1:6))")).isEqualTo("* 4 EXISTS\r\n"
                + "* 0 RECENT\r\n* OK [UNSEEN 1] First unseen\r\n* OK [UIDVALIDITY " + uidValidity + "] UIDs valid\r\n"
                + "* OK [UIDNEXT 7] Predicted next UID\r\n* FLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft)\r\n"
                + "* OK [PERMANENTFLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft \\*)] Flags\r\n"
                + "* OK [HIGHESTMODSEQ 9] Highest\r\n"
                + "* VANISHED (EARLIER) 2,5\r\n"
                + "* 3 FETCH (UID 4 FLAGS (\\Flagged) MODSEQ (8))\r\n"
                + "b OK [READ-WRITE] SELECT completed\r\n");
    }

    @Test
    void knownUidsAndSeqMatchDataNarrowTheReport() {
        h.send("a ENABLE QRESYNC");
        // only UIDs 3:6 are known: UID 2 is not reported; seq-match data is accepted (and not needed)
        assertThat(h.send("b EXAMINE INBOX (QRESYNC (" + uidValidity + " 1 3:6 (1:3 3,4,6)))"))
                .contains("* VANISHED (EARLIER) 5\r\n* 2 FETCH (UID 3 FLAGS () MODSEQ (4))\r\n"
                        + "* 3 FETCH (UID 4 FLAGS (\\Flagged) MODSEQ (8))\r\n* 4 FETCH (UID 6 FLAGS () MODSEQ (7))\r\n"
                        + "b OK [READ-ONLY] EXAMINE completed\r\n");
        // the expunges at MODSEQ 9: VANISHED only for the known UIDs 1:4, and no FETCH (nothing else changed)
        assertThat(h.send("c SELECT INBOX (QRESYNC (" + uidValidity + " 8 1:4))"))
                .startsWith("* OK [CLOSED] Previous mailbox closed\r\n")
                .contains("* OK [HIGHESTMODSEQ 9] Highest\r\n* VANISHED (EARLIER) 2\r\nc OK [READ-WRITE]");
        // nothing changed since the client's mod-sequence: the expunge log says nothing vanished either
        assertThat(h.send("d SELECT INBOX (QRESYNC (" + uidValidity + " 9 1:4))"))
                .contains("* OK [HIGHESTMODSEQ 9] Highest\r\nd OK [READ-WRITE]").doesNotContain("VANISHED");
    }

    @Test
    void anotherUidValidityMeansAPlainSelect() {
        h.send("a ENABLE QRESYNC");
        assertThat(h.send("b SELECT INBOX (QRESYNC (" + (uidValidity + 1) + " 1))"))
                .contains("* OK [HIGHESTMODSEQ 9] Highest\r\nb OK [READ-WRITE] SELECT completed\r\n")
                .doesNotContain("VANISHED").doesNotContain("FETCH");
    }

    @Test
    void uidFetchChangedSinceVanished() {
        h.send("a ENABLE QRESYNC");
        h.send("b SELECT INBOX");
        // RFC 7162 §3.2.6 example: VANISHED (EARLIER) first, then the changed messages
        assertThat(h.send("c UID FETCH 1:* (FLAGS) (CHANGEDSINCE 7 VANISHED)")).isEqualTo("* VANISHED (EARLIER) 2,5\r\n"
                + "* 3 FETCH (UID 4 FLAGS (\\Flagged) MODSEQ (8))\r\nc OK FETCH completed\r\n");
        assertThat(h.send("d UID FETCH 3:4 (FLAGS) (CHANGEDSINCE 8 VANISHED)")).isEqualTo("d OK FETCH completed\r\n");
        assertThat(h.send("e UID FETCH 1:3 (FLAGS) (VANISHED)")).startsWith("e BAD ");
    }

    @Test
    void idlePushesVanished() throws Exception {
        SessionClient b = h.login();
        b.send("a ENABLE QRESYNC");
        b.send("b SELECT INBOX");
        assertThat(b.send("c IDLE")).isEqualTo("+ idling\r\n");
        inbox.expunge(new long[] {3, 4});
        b.awaitEvents();
        assertThat(b.text(b.session.idleUpdates())).isEqualTo("* VANISHED 3:4\r\n");
        assertThat(b.send("DONE")).isEqualTo("c OK IDLE terminated\r\n");
    }

    @Test
    void aMessageNotYetAnnouncedIsNotVanished() throws Exception {
        h.send("a ENABLE QRESYNC");
        h.send("b SELECT INBOX");
        h.append("INBOX", MESSAGE, Flags.of()); // UID 7, in the store before the session has reported it
        assertThat(h.send("c UID FETCH 1:* (UID) (CHANGEDSINCE 8 VANISHED)"))
                .startsWith("* VANISHED (EARLIER) 2,5\r\n").doesNotContain("2,5,7").endsWith("c OK FETCH completed\r\n");
    }

    @Test
    void vanishedModifierNeedsQresync() {
        h.send("a SELECT INBOX");
        assertThat(h.send("b UID FETCH 1:* (FLAGS) (CHANGEDSINCE 1 VANISHED)"))
                .isEqualTo("b BAD VANISHED needs ENABLE QRESYNC\r\n");
    }

    @Test
    void expungeUidExpungeAndMoveReportVanished() {
        h.send("a ENABLE QRESYNC");
        h.send("b SELECT INBOX");
        h.send("c UID STORE 1,3 +FLAGS.SILENT (\\Deleted)");
        // RFC 7162 §3.2.10: VANISHED replaces EXPUNGE once QRESYNC is enabled; the OK carries the new HIGHESTMODSEQ
        assertThat(h.send("d EXPUNGE")).isEqualTo("* VANISHED 1,3\r\nd OK [HIGHESTMODSEQ 11] EXPUNGE completed\r\n");
        h.send("e CREATE Archive");
        assertThat(h.send("f UID MOVE 6 Archive")).contains("* VANISHED 6\r\n").endsWith("f OK MOVE completed\r\n");
        h.send("g STORE 1 +FLAGS.SILENT (\\Deleted)");
        assertThat(h.send("h UID EXPUNGE 4")).isEqualTo("* VANISHED 4\r\nh OK [HIGHESTMODSEQ 14] UID EXPUNGE completed\r\n");
        assertThat(h.session.selected().exists()).isZero();
    }

    @Test
    void othersExpungesArriveAsVanished() throws Exception {
        SessionClient b = h.login();
        b.send("a ENABLE QRESYNC");
        b.send("b SELECT INBOX");
        inbox.updateFlags(new long[] {3}, FlagUpdate.add(Flags.of(SystemFlag.SEEN))); // MODSEQ 10
        inbox.expunge(new long[] {1, 6});
        b.awaitEvents();
        assertThat(b.send("c NOOP")).isEqualTo("* VANISHED 1,6\r\n* 1 FETCH (UID 3 FLAGS (\\Seen) MODSEQ (10))\r\n"
                + "c OK NOOP completed\r\n");
        // no VANISHED while sequence numbers are in use (RFC 7162 §3.2.10 follows RFC 9051 §7.5.1)
        inbox.expunge(new long[] {3});
        b.awaitEvents();
        assertThat(b.send("d FETCH 1 FLAGS")).isEqualTo("d OK [EXPUNGEISSUED] Some messages were expunged meanwhile\r\n");
        assertThat(b.send("e NOOP")).isEqualTo("* VANISHED 3\r\ne OK NOOP completed\r\n");
    }

    /**
     * The expunge log makes VANISHED (EARLIER) exact (RFC 7162 §3.2.5.1): a client that synchronised after the
     * expunge of 2 and 5 hears only of what was expunged since, not of every UID that is missing.
     */
    @Test
    void vanishedEarlierNamesOnlyExpungesSinceTheClientsModSeq() throws Exception {
        h.send("a ENABLE QRESYNC");
        inbox.expunge(new long[] {3}); // MODSEQ 10
        assertThat(h.send("b SELECT INBOX (QRESYNC (" + uidValidity + " 9 1:6))"))
                .contains("* OK [HIGHESTMODSEQ 10] Highest\r\n* VANISHED (EARLIER) 3\r\nb OK [READ-WRITE]");
        inbox.expunge(new long[] {6}); // MODSEQ 11: the session still shows UID 6, and reports it as a plain VANISHED
        assertThat(h.send("c UID FETCH 1:* (UID) (CHANGEDSINCE 9 VANISHED)"))
                .startsWith("* VANISHED (EARLIER) 3\r\n").doesNotContain("(EARLIER) 2").doesNotContain("3,6")
                .endsWith("c OK FETCH completed\r\n");
        assertThat(h.send("e NOOP")).contains("* VANISHED 6\r\n");
        assertThat(h.send("d UID FETCH 1:* (UID) (CHANGEDSINCE 11 VANISHED)")).doesNotContain("VANISHED (EARLIER)");
    }
}
