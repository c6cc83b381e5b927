package io.serai.imap.protocol.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.store.api.FlagUpdate;
import io.serai.store.api.Flags;
import io.serai.store.api.Mailbox;
import io.serai.store.api.MailboxInfo;
import io.serai.store.api.SystemFlag;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SELECT, EXAMINE, EXPUNGE, CLOSE, UNSELECT against the embedded store. */
class SelectedStateTest {

    private static final String MESSAGE = "Subject: x\r\n\r\nbody\r\n";

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

    private long[] appendMessages(int n) throws Exception {
        long[] uids = new long[n];
        for (int i = 0; i < n; i++) {
            uids[i] = h.append("INBOX", MESSAGE, i == 0 ? Flags.of(SystemFlag.SEEN) : Flags.NONE);
        }
        return uids;
    }

    @Test
    void selectReportsTheMailboxByteForByte() throws Exception {
        long[] uids = appendMessages(3);
        inbox.updateFlags(new long[] {uids[2]}, FlagUpdate.add(Flags.of(Set.of(), Set.of("$Important"))));
        MailboxInfo info = inbox.info();
        assertThat(h.send("A142 SELECT INBOX")).isEqualTo(""
                + "* 3 EXISTS\r\n"
                + "* 0 RECENT\r\n"
                + "* OK [UNSEEN 2] First unseen\r\n"
                + "* OK [UIDVALIDITY " + info.uidValidity() + "] UIDs valid\r\n"
                + "* OK [UIDNEXT 4] Predicted next UID\r\n"
                + "* FLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft $important)\r\n"
                + "* OK [PERMANENTFLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft $important \\*)] Flags\r\n"
                + "* OK [HIGHESTMODSEQ " + info.highestModSeq() + "] Highest\r\n"
                + "A142 OK [READ-WRITE] SELECT completed\r\n");
        assertThat(h.session.state()).isEqualTo(SessionState.SELECTED);
    }

    @Test
    void examineIsReadOnlyAndReselectReportsClosed() throws Exception {
        assertThat(h.send("a EXAMINE INBOX")).contains("* 0 EXISTS\r\n")
                .contains("* OK [PERMANENTFLAGS ()] Flags\r\n").endsWith("a OK [READ-ONLY] EXAMINE completed\r\n");
        assertThat(h.send("b EXPUNGE")).isEqualTo("b NO [CANNOT] Mailbox is read-only\r\n");
        assertThat(h.send("c SELECT Sent")).startsWith("* OK [CLOSED] Previous mailbox closed\r\n* 0 EXISTS\r\n")
                .endsWith("c OK [READ-WRITE] SELECT completed\r\n");
    }

    @Test
    void failedSelectLeavesTheSessionAuthenticated() {
        h.send("a SELECT INBOX");
        assertThat(h.send("b SELECT Nope"))
                .isEqualTo("* OK [CLOSED] Previous mailbox closed\r\nb NO [NONEXISTENT] No such mailbox\r\n");
        assertThat(h.session.state()).isEqualTo(SessionState.AUTHENTICATED);
        assertThat(h.send("c EXPUNGE")).isEqualTo("c BAD EXPUNGE not allowed now\r\n");
    }

    @Test
    void expungeReportsShiftingSequenceNumbersAsInRfc9051() throws Exception {
        // RFC 9051 §6.4.3: messages 3, 4, 7 and 11 have \Deleted; the server reports 3, 3, 5, 8
        long[] uids = appendMessages(11);
        inbox.updateFlags(new long[] {uids[2], uids[3], uids[6], uids[10]},
                FlagUpdate.add(Flags.of(SystemFlag.DELETED)));
        h.send("a SELECT INBOX");
        assertThat(h.send("A202 EXPUNGE")).isEqualTo(
                "* 3 EXPUNGE\r\n* 3 EXPUNGE\r\n* 5 EXPUNGE\r\n* 8 EXPUNGE\r\nA202 OK EXPUNGE completed\r\n");
        assertThat(inbox.uids()).hasSize(7);
        assertThat(h.send("b EXPUNGE")).isEqualTo("b OK EXPUNGE completed\r\n");
    }

    @Test
    void closeExpungesSilentlyButUnselectDoesNot() throws Exception {
        long[] uids = appendMessages(2);
        inbox.updateFlags(new long[] {uids[0]}, FlagUpdate.add(Flags.of(SystemFlag.DELETED)));
        h.send("a SELECT INBOX");
        assertThat(h.send("b UNSELECT")).isEqualTo("b OK UNSELECT completed\r\n");
        assertThat(inbox.uids()).hasSize(2);
        h.send("c EXAMINE INBOX");
        assertThat(h.send("d CLOSE")).isEqualTo("d OK CLOSE completed\r\n");
        assertThat(inbox.uids()).as("EXAMINE is read-only, CLOSE must not expunge").hasSize(2);
        h.send("e SELECT INBOX");
        assertThat(h.send("f CLOSE")).isEqualTo("f OK CLOSE completed\r\n");
        assertThat(inbox.uids()).containsExactly(uids[1]);
        assertThat(h.session.state()).isEqualTo(SessionState.AUTHENTICATED);
        assertThat(h.send("g CLOSE")).isEqualTo("g BAD CLOSE not allowed now\r\n");
    }

    @Test
    void deletingTheSelectedMailboxUnselectsIt() {
        h.send("a CREATE Tmp");
        h.send("b SELECT Tmp");
        assertThat(h.send("c DELETE Tmp")).isEqualTo("c OK DELETE completed\r\n");
        assertThat(h.session.state()).isEqualTo(SessionState.AUTHENTICATED);
    }
}
