package io.serai.imap.protocol.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.store.api.FlagUpdate;
import io.serai.store.api.Flags;
import io.serai.store.api.Mailbox;
import io.serai.store.api.SystemFlag;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The defects Dovecot's imaptest compliance groups found in Serai (issue #14), each turned into a byte-for-byte
 * session test: the group named in each test failed against Serai before the fix and passes against Dovecot.
 */
class ImaptestParityTest {

    private static final String MESSAGE = "Subject: s\r\n\r\nx\r\n";

    @TempDir
    Path dir;
    private SessionHarness h;
    private SessionClient a;
    private SessionClient b;
    private Mailbox inbox;

    @BeforeEach
    void twoSessions() throws Exception {
        h = SessionHarness.loggedIn(dir);
        a = h.client();
        b = h.login();
        inbox = h.store.mailboxes(SessionHarness.USER).open("INBOX");
        for (int i = 0; i < 3; i++) {
            h.append("INBOX", MESSAGE, Flags.NONE);
        }
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    /** imaptest "close": session 1 CLOSEs (expunging), session 2's NOOP right after must show the EXPUNGEs. */
    @RepeatedTest(20)
    void noopRightAfterAnotherSessionsCommitSeesIt() {
        a.send("s SELECT INBOX");
        b.send("s SELECT INBOX");
        a.send("a STORE 1,3 +FLAGS.SILENT (\\Deleted)");
        assertThat(a.send("c CLOSE")).isEqualTo("c OK CLOSE completed\r\n");
        // no waiting for the store's asynchronous events: NOOP itself catches up with what is committed
        assertThat(b.send("n NOOP")).isEqualTo("* 1 EXPUNGE\r\n* 2 EXPUNGE\r\nn OK NOOP completed\r\n");
    }

    /** imaptest "expunge" 4): both sessions expunge the same message; the second is told it went. */
    @RepeatedTest(10)
    void expungeOfAMessageAnotherSessionExpungedFirstReportsIt() {
        a.send("s SELECT INBOX");
        b.send("s SELECT INBOX");
        a.send("d STORE 1 +FLAGS.SILENT (\\Deleted)");
        b.send("d STORE 1 +FLAGS.SILENT (\\Deleted)");
        assertThat(a.send("x EXPUNGE")).isEqualTo("* 1 EXPUNGE\r\nx OK EXPUNGE completed\r\n");
        assertThat(b.send("x EXPUNGE")).isEqualTo("* 1 EXPUNGE\r\nx OK EXPUNGE completed\r\n");
    }

    /** imaptest "store"/"copy": a keyword others set is announced in FLAGS before a FETCH shows it. */
    @Test
    void newKeywordIsAnnouncedInFlagsBeforeTheFetchThatUsesIt() throws Exception {
        a.send("s SELECT INBOX");
        inbox.updateFlags(new long[] {2}, FlagUpdate.add(Flags.of(Set.of(), Set.of("$hello"))));
        a.awaitEvents();
        assertThat(a.send("n NOOP")).isEqualTo("* FLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft $hello)\r\n"
                + "* OK [PERMANENTFLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft $hello \\*)] Flags\r\n"
                + "* 2 FETCH (UID 2 FLAGS ($hello))\r\nn OK NOOP completed\r\n");
        // known from now on: no second announcement
        assertThat(a.send("f FETCH 2 FLAGS")).isEqualTo("* 2 FETCH (FLAGS ($hello))\r\nf OK FETCH completed\r\n");
        // a read-only session is told that nothing is permanent for it
        b.send("e EXAMINE INBOX");
        inbox.updateFlags(new long[] {1}, FlagUpdate.add(Flags.of(Set.of(), Set.of("$world"))));
        b.awaitEvents();
        assertThat(b.send("n NOOP")).isEqualTo("* FLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft $hello "
                + "$world)\r\n* OK [PERMANENTFLAGS ()] Flags\r\n* 1 FETCH (UID 1 FLAGS ($world))\r\nn OK NOOP completed\r\n");
    }

    /** imaptest "move": MOVE into the selected mailbox itself renumbers the messages at the end. */
    @Test
    void moveIntoTheSelectedMailboxGivesNewUids() throws Exception {
        a.send("s SELECT INBOX");
        long validity = inbox.info().uidValidity();
        assertThat(a.send("m MOVE 1 INBOX")).isEqualTo("* OK [COPYUID " + validity + " 1 4] Moved\r\n"
                + "* 1 EXPUNGE\r\n* 3 EXISTS\r\n* 1 RECENT\r\nm OK MOVE completed\r\n");
        assertThat(inbox.uids()).containsExactly(2, 3, 4);
        assertThat(a.send("u UID SEARCH ALL")).isEqualTo("* SEARCH 2 3 4\r\nu OK SEARCH completed\r\n");
    }

    /** imaptest "esearch": numbers beyond EXISTS match nothing; "esearch-condstore": MODSEQ of MIN/MAX only. */
    @Test
    void esearchOutOfRangeAndModSeqOfTheReturnedMessage() throws Exception {
        a.send("s SELECT INBOX");
        assertThat(a.send("t SEARCH RETURN () 1000")).isEqualTo("* ESEARCH (TAG \"t\")\r\nt OK SEARCH completed\r\n");
        assertThat(a.send("t SEARCH RETURN (MIN) 1000")).isEqualTo("* ESEARCH (TAG \"t\")\r\nt OK SEARCH completed\r\n");
        long m1 = inbox.updateFlags(new long[] {1}, FlagUpdate.add(Flags.of(SystemFlag.SEEN))).updated().get(0).modSeq();
        long m3 = inbox.updateFlags(new long[] {3}, FlagUpdate.add(Flags.of(SystemFlag.SEEN))).updated().get(0).modSeq();
        inbox.updateFlags(new long[] {2}, FlagUpdate.add(Flags.of(SystemFlag.SEEN)));
        a.awaitEvents();
        a.send("n NOOP");
        long highest = inbox.info().highestModSeq();
        // SEARCH MODSEQ turns CONDSTORE on: HIGHESTMODSEQ follows once (RFC 7162 §3.1)
        assertThat(a.send("t SEARCH RETURN (MIN) 1:3 MODSEQ 1")).isEqualTo("* ESEARCH (TAG \"t\") MIN 1 MODSEQ " + m1
                + "\r\n* OK [HIGHESTMODSEQ " + highest + "] Highest\r\nt OK SEARCH completed\r\n");
        assertThat(a.send("t SEARCH RETURN (MAX) 1:3 MODSEQ 1"))
                .isEqualTo("* ESEARCH (TAG \"t\") MAX 3 MODSEQ " + m3 + "\r\nt OK SEARCH completed\r\n");
    }

    /** imaptest "atoms": a name that is not modified UTF-7 is refused with NO; as a LIST pattern it matches nothing. */
    @Test
    void invalidModifiedUtf7IsNoNotBad() {
        assertThat(a.send("s SELECT \"!#&'+,-.\"")).startsWith("s NO Mailbox name is not valid modified UTF-7");
        assertThat(a.send("c CREATE \"a&b\"")).startsWith("c NO ");
        assertThat(a.send("l LIST \"\" \"!#&'+,-.%*\"")).isEqualTo("l OK LIST completed\r\n");
    }

    /** imaptest "listext": unknown options and a lone RECURSIVEMATCH are BAD (RFC 5258 §3). */
    @Test
    void malformedListExtendedOptionsAreBad() {
        assertThat(a.send("a LIST (imaptest) \"\" \"\"")).startsWith("a BAD Unknown LIST selection option IMAPTEST");
        assertThat(a.send("b LIST (recursivematch) \"\" \"\"")).startsWith("b BAD RECURSIVEMATCH needs");
        assertThat(a.send("c LIST (recursivematch remote) \"\" \"\"")).startsWith("c BAD RECURSIVEMATCH needs");
        assertThat(a.send("d LIST \"\" \"\" RETURN (imaptest)")).startsWith("d BAD Unknown LIST return option");
        assertThat(a.send("e LIST (remote subscribed recursivematch) \"\" \"\"")).startsWith("* LIST");
    }

    /** imaptest "subscribe" and "listext": parents of subscribed children the pattern does not reach. */
    @Test
    void subscribedChildrenMarkTheirParents() {
        a.send("c CREATE box/test2/test1");
        a.send("c CREATE box/test3");
        a.send("s SUBSCRIBE box/test2/test1");
        a.send("s SUBSCRIBE box/test3");
        assertThat(a.send("l LSUB \"\" box/%")).isEqualTo("* LSUB () \"/\" box/test3\r\n"
                + "* LSUB (\\Noselect) \"/\" box/test2\r\nl OK LSUB completed\r\n");
        assertThat(a.send("l LIST (SUBSCRIBED RECURSIVEMATCH) \"\" box/test2")).isEqualTo(
                "* LIST (\\HasChildren) \"/\" box/test2 (\"CHILDINFO\" (\"SUBSCRIBED\"))\r\nl OK LIST completed\r\n");
        // the subscribed child is listed itself: its parent needs no CHILDINFO
        assertThat(a.send("l LIST (SUBSCRIBED RECURSIVEMATCH) \"\" (box/test2 box/test2/test1)")).isEqualTo(
                "* LIST (\\HasNoChildren \\Subscribed) \"/\" box/test2/test1\r\nl OK LIST completed\r\n");
        assertThat(a.send("l LIST (SUBSCRIBED) \"\" box/%"))
                .isEqualTo("* LIST (\\HasNoChildren \\Subscribed) \"/\" box/test3\r\nl OK LIST completed\r\n");
    }

    /** imaptest "select", "search-flags", "copy": \Recent for IMAP4rev1 sessions, in one session per message. */
    @Test
    void recentIsShownInOneSessionPerMessage() throws Exception {
        h.deliver("INBOX", MESSAGE, Flags.NONE);
        h.deliver("INBOX", MESSAGE, Flags.of(SystemFlag.SEEN)); // UIDs 4 and 5: no session has seen them yet
        assertThat(b.send("t STATUS INBOX (MESSAGES RECENT)"))
                .startsWith("* STATUS INBOX (MESSAGES 5 RECENT 2)\r\n");
        assertThat(b.send("e EXAMINE INBOX")).contains("* 2 RECENT\r\n"); // shown, not claimed
        assertThat(a.send("s SELECT INBOX")).contains("* 5 EXISTS\r\n* 2 RECENT\r\n"); // claimed
        assertThat(a.send("f FETCH 3:5 FLAGS")).isEqualTo("* 3 FETCH (FLAGS ())\r\n* 4 FETCH (FLAGS (\\Recent))\r\n"
                + "* 5 FETCH (FLAGS (\\Seen \\Recent))\r\nf OK FETCH completed\r\n");
        assertThat(a.send("r SEARCH RECENT")).isEqualTo("* SEARCH 4 5\r\nr OK SEARCH completed\r\n");
        assertThat(a.send("r SEARCH NEW")).isEqualTo("* SEARCH 4\r\nr OK SEARCH completed\r\n");
        assertThat(a.send("r SEARCH OLD")).isEqualTo("* SEARCH 1 2 3\r\nr OK SEARCH completed\r\n");
        // the next SELECT, here or in any other session, finds nothing recent; STATUS agrees
        assertThat(b.send("s SELECT INBOX")).contains("* 5 EXISTS\r\n* 0 RECENT\r\n");
        assertThat(b.send("r SEARCH RECENT")).isEqualTo("* SEARCH\r\nr OK SEARCH completed\r\n");
        // new mail goes to the first session told about it
        h.deliver("INBOX", MESSAGE, Flags.NONE);
        a.awaitEvents();
        assertThat(a.send("n NOOP")).isEqualTo("* 6 EXISTS\r\n* 3 RECENT\r\nn OK NOOP completed\r\n");
        b.awaitEvents();
        assertThat(b.send("n NOOP")).isEqualTo("* 6 EXISTS\r\n* 0 RECENT\r\nn OK NOOP completed\r\n");
        // STORE cannot set or clear it (accepted and ignored)
        assertThat(a.send("x STORE 4 FLAGS (\\Deleted)")).isEqualTo("* 4 FETCH (FLAGS (\\Deleted \\Recent))\r\n"
                + "x OK STORE completed\r\n");
    }

    /** RFC 9051 Appendix E: an IMAP4rev2 session has no \Recent at all. */
    @Test
    void imap4rev2SessionsHaveNoRecent() throws Exception {
        h.deliver("INBOX", MESSAGE, Flags.NONE);
        a.send("e ENABLE IMAP4rev2");
        String select = a.send("s SELECT INBOX");
        assertThat(select).doesNotContain("RECENT");
        assertThat(a.send("f FETCH 4 FLAGS")).isEqualTo("* 4 FETCH (FLAGS ())\r\nf OK FETCH completed\r\n");
        // and it claims nothing: a rev1 session still gets the message as recent
        assertThat(b.send("s SELECT INBOX")).contains("* 1 RECENT\r\n");
    }
}
