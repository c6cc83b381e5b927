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
 * CONDSTORE (RFC 7162 §3.1) byte for byte, after the RFC's examples. The embedded store counts mod-sequences per
 * mailbox: the four appended messages have MODSEQ 2 to 5, and every change takes the next value.
 */
class CondstoreSessionTest {

    private static final String MESSAGE = "Subject: s\r\n\r\nx\r\n";

    @TempDir
    Path dir;
    private SessionHarness h;
    private Mailbox inbox;

    @BeforeEach
    void fourMessages() throws Exception {
        h = SessionHarness.loggedIn(dir);
        for (int i = 0; i < 4; i++) {
            h.append("INBOX", MESSAGE, Flags.of());
        }
        inbox = h.store.mailboxes(SessionHarness.USER).open("INBOX");
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    @Test
    void selectCondstoreReportsHighestModSeqAndFetchModSeq() {
        // RFC 7162 §3.1.8 example: SELECT with the CONDSTORE parameter, HIGHESTMODSEQ among the untagged OKs
        assertThat(h.send("a SELECT INBOX (CONDSTORE)")).contains("* OK [HIGHESTMODSEQ 5] Highest\r\n")
                .endsWith("a OK [READ-WRITE] SELECT completed\r\n");
        // §3.1.4.1 example: FETCH ... MODSEQ
        assertThat(h.send("b FETCH 1:2 (FLAGS MODSEQ)")).isEqualTo("* 1 FETCH (FLAGS () MODSEQ (2))\r\n"
                + "* 2 FETCH (FLAGS () MODSEQ (3))\r\nb OK FETCH completed\r\n");
        assertThat(h.send("c UID FETCH 4 MODSEQ")).isEqualTo("* 4 FETCH (UID 4 MODSEQ (5))\r\nc OK FETCH completed\r\n");
    }

    @Test
    void statusHighestModSeq() {
        // RFC 7162 §3.1.7
        assertThat(h.send("a STATUS INBOX (HIGHESTMODSEQ MESSAGES)"))
                .isEqualTo("* STATUS INBOX (HIGHESTMODSEQ 5 MESSAGES 4)\r\na OK STATUS completed\r\n");
    }

    @Test
    void storeWithoutCondstoreHasNoModSeqUntilACondstoreCommandEnablesIt() {
        h.send("a SELECT INBOX");
        assertThat(h.send("b STORE 1 +FLAGS (\\Seen)")).isEqualTo("* 1 FETCH (FLAGS (\\Seen))\r\nb OK STORE completed\r\n");
        // FETCH MODSEQ is a CONDSTORE-enabling command (§3.1): from now on every FETCH of flags carries MODSEQ
        h.send("c FETCH 1 MODSEQ");
        assertThat(h.send("d STORE 2 +FLAGS (\\Seen)"))
                .isEqualTo("* 2 FETCH (FLAGS (\\Seen) MODSEQ (7))\r\nd OK STORE completed\r\n");
    }

    @Test
    void enableCondstoreListsItOnceAndTurnsOnModSeq() {
        assertThat(h.send("a ENABLE CONDSTORE")).isEqualTo("* ENABLED CONDSTORE\r\na OK ENABLE completed\r\n");
        assertThat(h.send("b ENABLE CONDSTORE")).isEqualTo("* ENABLED\r\nb OK ENABLE completed\r\n");
        h.send("c SELECT INBOX");
        assertThat(h.send("d STORE 3 FLAGS (\\Answered)"))
                .isEqualTo("* 3 FETCH (FLAGS (\\Answered) MODSEQ (6))\r\nd OK STORE completed\r\n");
    }

    @Test
    void storeUnchangedSinceReportsModifiedMessages() {
        h.send("a SELECT INBOX (CONDSTORE)");
        h.send("b STORE 2 +FLAGS (\\Seen)"); // message 2 now has MODSEQ 6
        // RFC 7162 §3.1.3 example 7: messages modified since UNCHANGEDSINCE fail and are named by MODIFIED
        assertThat(h.send("c STORE 1:3 (UNCHANGEDSINCE 3) +FLAGS (\\Flagged)"))
                .isEqualTo("* 1 FETCH (FLAGS (\\Flagged) MODSEQ (7))\r\n"
                        + "c OK [MODIFIED 2:3] Conditional STORE failed\r\n");
        // the UID form names UIDs; after EXPUNGE of message 1 sequence numbers and UIDs differ
        h.send("d STORE 1 +FLAGS.SILENT (\\Deleted)");
        h.send("e EXPUNGE");
        assertThat(h.send("f UID STORE 2,4 (UNCHANGEDSINCE 5) +FLAGS (\\Flagged)"))
                .isEqualTo("* 3 FETCH (UID 4 FLAGS (\\Flagged) MODSEQ (10))\r\n"
                        + "f OK [MODIFIED 2] Conditional STORE failed\r\n");
        assertThat(h.send("g STORE 1:2 (UNCHANGEDSINCE 3) -FLAGS (\\Flagged)"))
                .isEqualTo("g OK [MODIFIED 1:2] Conditional STORE failed\r\n");
    }

    @Test
    void silentStoreStillReportsTheNewModSeq() {
        h.send("a SELECT INBOX (CONDSTORE)");
        // RFC 7162 §3.1.3 example 10: .SILENT with CONDSTORE gives FETCH (MODSEQ) only; one STORE is one change
        assertThat(h.send("b STORE 2,4 (UNCHANGEDSINCE 100) +FLAGS.SILENT (\\Deleted)"))
                .isEqualTo("* 2 FETCH (MODSEQ (6))\r\n* 4 FETCH (MODSEQ (6))\r\nb OK STORE completed\r\n");
        assertThat(h.send("c UID STORE 1 +FLAGS.SILENT (\\Seen)"))
                .isEqualTo("* 1 FETCH (UID 1 MODSEQ (7))\r\nc OK STORE completed\r\n");
    }

    @Test
    void fetchChangedSinceReturnsOnlyNewerMessagesWithModSeq() {
        h.send("a SELECT INBOX");
        h.send("b STORE 1 +FLAGS.SILENT (\\Seen)"); // MODSEQ 6
        // RFC 7162 §3.1.4.1 example: CHANGEDSINCE implies MODSEQ and enables CONDSTORE
        assertThat(h.send("c FETCH 1:* (FLAGS) (CHANGEDSINCE 4)")).isEqualTo("* 1 FETCH (FLAGS (\\Seen) MODSEQ (6))\r\n"
                + "* 4 FETCH (FLAGS () MODSEQ (5))\r\n"
                + "* OK [HIGHESTMODSEQ 6] Highest\r\n" // RFC 7162 §3.1: CONDSTORE just got enabled with INBOX selected
                + "c OK FETCH completed\r\n");
        assertThat(h.send("d FETCH 1 (FLAGS) (CHANGEDSINCE 4)")).doesNotContain("HIGHESTMODSEQ"); // only the first
        assertThat(h.send("d UID FETCH 1:* (FLAGS) (CHANGEDSINCE 6)")).isEqualTo("d OK FETCH completed\r\n");
        assertThat(h.send("e FETCH 1 (FLAGS) (CHANGEDSINCE 1 VANISHED)")).startsWith("e BAD ");
        assertThat(h.send("f FETCH 1 (FLAGS) (CHANGEDSINCE 1 CHANGEDSINCE 2)")).startsWith("f BAD ");
    }

    @Test
    void implicitSeenCarriesModSeqOnceEnabled() {
        h.send("a SELECT INBOX (CONDSTORE)");
        assertThat(h.send("b FETCH 2 BODY[TEXT]")).isEqualTo("* 2 FETCH (FLAGS (\\Seen) MODSEQ (6) BODY[TEXT] {3}\r\nx\r\n"
                + ")\r\nb OK FETCH completed\r\n");
    }

    @Test
    void searchModSeqAppendsTheHighestModSeqOfTheMatches() throws Exception {
        h.send("a SELECT INBOX");
        inbox.updateFlags(new long[] {2}, FlagUpdate.add(Flags.of(SystemFlag.SEEN))); // MODSEQ 6
        // RFC 7162 §3.1.5 examples: "* SEARCH 2 5 6 7 11 12 18 19 20 23 (MODSEQ 917162500)"
        assertThat(h.send("b SEARCH MODSEQ 5")).startsWith("* ").contains("* SEARCH 2 4 (MODSEQ 6)\r\n")
                .endsWith("b OK SEARCH completed\r\n");
        assertThat(h.send("c SEARCH OR NOT MODSEQ 5 SEEN")).contains("* SEARCH 1 2 3 (MODSEQ 6)\r\n");
        assertThat(h.send("c2 SEARCH MODSEQ \"/flags/\\\\seen\" all 6")).contains("* SEARCH 2 (MODSEQ 6)\r\n");
        assertThat(h.send("d SEARCH MODSEQ 100")).contains("* SEARCH\r\n");
        // §3.1.5 with ESEARCH (RFC 4731 §3.2): MODSEQ after the other return data
        assertThat(h.send("e UID SEARCH RETURN (MIN COUNT) MODSEQ 4"))
                .contains("* ESEARCH (TAG \"e\") UID MIN 2 COUNT 3 MODSEQ 6\r\n");
        assertThat(h.send("f SEARCH MODSEQ \"/flags/\\\\seen\" bogus 1")).startsWith("f BAD ");
    }

    @Test
    void othersFlagChangesCarryModSeqOnceEnabled() throws Exception {
        SessionClient b = h.login();
        b.send("a ENABLE CONDSTORE");
        b.send("b SELECT INBOX");
        inbox.updateFlags(new long[] {3}, FlagUpdate.add(Flags.of(SystemFlag.FLAGGED))); // MODSEQ 6
        b.awaitEvents();
        // RFC 7162 §3.1.4: unsolicited FETCH responses carry MODSEQ once CONDSTORE is on
        assertThat(b.send("c NOOP")).isEqualTo("* 3 FETCH (UID 3 FLAGS (\\Flagged) MODSEQ (6))\r\nc OK NOOP completed\r\n");
    }
}
