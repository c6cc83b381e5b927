package io.serai.imap.protocol.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.imap.protocol.request.SimpleRequest;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.store.api.FlagUpdate;
import io.serai.store.api.FlagUpdateResult;
import io.serai.store.api.Flags;
import io.serai.store.api.Mailbox;
import io.serai.store.api.SystemFlag;
import io.serai.store.api.event.StoreEvent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two sessions on one store: what A does, B sees at its next command as EXPUNGE, EXISTS and FETCH FLAGS (RFC 9051
 * §7.4.1, §7.3.1, §7.5.2), never EXPUNGE where sequence numbers are in use (§7.5.1), never its own flag changes.
 */
class LiveUpdatesTest {

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
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    private static String appendCommand(String tag) {
        return tag + " APPEND INBOX {" + MESSAGE.length() + "}\r\n" + MESSAGE;
    }

    @Test
    void appendExpungeAndFlagsOfOneSessionReachTheOther() throws Exception {
        a.send("s SELECT INBOX");
        b.send("s SELECT INBOX");
        assertThat(a.send(appendCommand("a1"))).startsWith("* 1 EXISTS\r\n* 1 RECENT\r\na1 OK [APPENDUID ");
        assertThat(a.send(appendCommand("a2"))).startsWith("* 2 EXISTS\r\n* 2 RECENT\r\na2 OK [APPENDUID ");
        b.awaitEvents();
        // A was told first: the messages are recent there, not here (RFC 3501 §2.3.2)
        assertThat(b.send("b1 NOOP")).isEqualTo("* 2 EXISTS\r\n* 0 RECENT\r\nb1 OK NOOP completed\r\n");
        // A's session already knows its own messages: the late events change nothing for it
        a.awaitEvents();
        assertThat(a.send("a3 NOOP")).isEqualTo("a3 OK NOOP completed\r\n");

        inbox.updateFlags(new long[] {2}, FlagUpdate.add(Flags.of(SystemFlag.SEEN)));
        b.awaitEvents();
        assertThat(b.send("b2 NOOP")).isEqualTo("* 2 FETCH (UID 2 FLAGS (\\Seen))\r\nb2 OK NOOP completed\r\n");

        inbox.updateFlags(new long[] {1}, FlagUpdate.add(Flags.of(SystemFlag.DELETED)));
        a.awaitEvents();
        // A had not asked since the \\Seen change: its EXPUNGE carries it too, with the number after the expunge
        assertThat(a.send("a4 EXPUNGE"))
                .isEqualTo("* 1 EXPUNGE\r\n* 1 RECENT\r\n* 1 FETCH (UID 2 FLAGS (\\Seen \\Recent))\r\na4 OK EXPUNGE completed\r\n");
        b.awaitEvents();
        // the \Deleted change is not worth reporting for a message that is gone
        assertThat(b.send("b3 NOOP")).isEqualTo("* 1 EXPUNGE\r\nb3 OK NOOP completed\r\n");
        assertThat(b.session.selected().uids()).containsExactly(2);
    }

    @Test
    void anyCompletedCommandCarriesUpdates() throws Exception {
        b.send("s SELECT INBOX");
        h.append("INBOX", MESSAGE, Flags.NONE);
        b.awaitEvents();
        assertThat(b.send("b1 LIST \"\" INBOX")).isEqualTo(
                "* LIST (\\HasNoChildren) \"/\" INBOX\r\n* 1 EXISTS\r\n* 0 RECENT\r\nb1 OK LIST completed\r\n");
    }

    @Test
    void expungeIsHeldBackWhileSequenceNumbersAreInUse() throws Exception {
        for (int i = 0; i < 3; i++) {
            h.append("INBOX", MESSAGE, Flags.NONE);
        }
        b.send("s SELECT INBOX");
        inbox.expunge(new long[] {2});
        h.append("INBOX", MESSAGE, Flags.NONE);
        inbox.updateFlags(new long[] {3}, FlagUpdate.add(Flags.of(SystemFlag.FLAGGED)));
        b.awaitEvents();
        // what a FETCH, STORE or SEARCH by sequence number may carry: EXISTS and FETCH, with message 2 still there
        assertThat(ExpungePolicy.allowedAfter(new SimpleRequest("f", "FETCH"))).isFalse();
        assertThat(ExpungePolicy.allowedAfter(new SimpleRequest("f", "SEARCH"))).isFalse();
        assertThat(ExpungePolicy.allowedAfter(new SimpleRequest("f", "STORE"))).isFalse();
        assertThat(b.text(updates(false))).isEqualTo("* 4 EXISTS\r\n* 0 RECENT\r\n* 3 FETCH (UID 3 FLAGS (\\Flagged))\r\n");
        assertThat(b.text(updates(false))).isEmpty();
        assertThat(b.session.selected().exists()).isEqualTo(4);
        // the next NOOP delivers it, numbered as the client knows the mailbox now
        assertThat(b.send("b1 NOOP")).isEqualTo("* 2 EXPUNGE\r\nb1 OK NOOP completed\r\n");
        assertThat(b.session.selected().uids()).containsExactly(1, 3, 4);
    }

    private List<ImapResponse> updates(boolean expungeAllowed) throws Exception {
        List<ImapResponse> out = new ArrayList<>();
        b.session.pendingUpdates(expungeAllowed, out);
        return out;
    }

    @Test
    void ownFlagChangesAreNotEchoedWhetherTheirEventCameBeforeOrAfter() throws Exception {
        long uid = h.append("INBOX", MESSAGE, Flags.NONE);
        b.send("s SELECT INBOX");
        // event not delivered yet when the STORE processor announces its change, or already queued: both filtered
        FlagUpdateResult first = inbox.updateFlags(new long[] {uid}, FlagUpdate.add(Flags.of(SystemFlag.SEEN)));
        b.session.ownFlagChanges(first.updated());
        b.awaitEvents();
        FlagUpdateResult second = inbox.updateFlags(new long[] {uid}, FlagUpdate.add(Flags.of(SystemFlag.FLAGGED)));
        b.awaitEvents();
        b.session.ownFlagChanges(second.updated());
        assertThat(b.send("b1 NOOP")).isEqualTo("b1 OK NOOP completed\r\n");
        // someone else's change after ours is reported
        inbox.updateFlags(new long[] {uid}, FlagUpdate.remove(Flags.of(SystemFlag.SEEN)));
        b.awaitEvents();
        assertThat(b.send("b2 NOOP")).isEqualTo("* 1 FETCH (UID 1 FLAGS (\\Flagged))\r\nb2 OK NOOP completed\r\n");
        // someone else's change just before ours, both delivered before our STORE completes: still reported, even
        // if our STORE was .SILENT
        inbox.updateFlags(new long[] {uid}, FlagUpdate.add(Flags.of(SystemFlag.ANSWERED)));
        FlagUpdateResult third = inbox.updateFlags(new long[] {uid}, FlagUpdate.add(Flags.of(SystemFlag.DRAFT)));
        b.awaitEvents();
        b.session.ownFlagChanges(third.updated());
        assertThat(b.send("b3 NOOP")).isEqualTo(
                "* 1 FETCH (UID 1 FLAGS (\\Answered \\Flagged \\Draft))\r\nb3 OK NOOP completed\r\n");
    }

    @Test
    void ownAppendAfterAnUnreportedForeignOneKeepsSequenceNumbersInUidOrder() throws Exception {
        a.send("s SELECT INBOX");
        long foreign = h.append("INBOX", MESSAGE, Flags.NONE);
        // whether or not the foreign event arrived yet, A reports both, foreign first
        assertThat(a.send(appendCommand("a1"))).startsWith("* 2 EXISTS\r\n* 1 RECENT\r\na1 OK [APPENDUID ");
        assertThat(a.session.selected().uids()).containsExactly(foreign, foreign + 1);
        a.awaitEvents();
        assertThat(a.send("a2 NOOP")).isEqualTo("a2 OK NOOP completed\r\n");
    }

    @Test
    void changesAlreadyInTheSelectSnapshotAreNotReportedAgain() throws Exception {
        long uid = h.append("INBOX", MESSAGE, Flags.NONE);
        FlagUpdateResult seen = inbox.updateFlags(new long[] {uid}, FlagUpdate.add(Flags.of(SystemFlag.SEEN)));
        b.send("s SELECT INBOX");
        // events committed between the listener's registration and the SELECT reads arrive after the snapshot
        PendingChanges pending = b.session.selected().pending();
        pending.onEvent(new StoreEvent.MessageAdded(SessionHarness.USER, inbox.id(), uid, 1));
        pending.onEvent(new StoreEvent.FlagsChanged(SessionHarness.USER, inbox.id(), uid,
                seen.updated().get(0).modSeq()));
        assertThat(b.send("b1 NOOP")).isEqualTo("b1 OK NOOP completed\r\n");
    }

    @Test
    void deletedSelectedMailboxEndsTheSession() throws Exception {
        a.send("c CREATE Projects");
        b.send("s SELECT Projects");
        assertThat(a.send("d DELETE Projects")).isEqualTo("d OK DELETE completed\r\n");
        b.awaitMailboxGone();
        assertThat(b.send("b1 NOOP")).isEqualTo("* BYE Selected mailbox was deleted\r\nb1 OK NOOP completed\r\n");
        assertThat(b.session.closed()).isTrue();
    }

    @Test
    void listenersAreRemovedOnUnselectCloseLogoutAndDisconnect() throws Exception {
        CountingStore store = new CountingStore(h.store);
        ImapConfig config = new ImapConfig(store, new AccountCredentials(store.accounts()), false, 1_000_000,
                "serai.test", 5);
        SessionClient c = h.login(config);
        c.send("s1 SELECT INBOX");
        assertThat(store.listeners()).isEqualTo(1);
        c.send("s2 EXAMINE INBOX");
        assertThat(store.listeners()).isEqualTo(1);
        c.send("s3 UNSELECT");
        assertThat(store.listeners()).isZero();
        c.send("s4 SELECT INBOX");
        c.send("s5 CLOSE");
        assertThat(store.listeners()).isZero();
        c.send("s6 SELECT INBOX");
        assertThat(c.send("s7 SELECT Nonexistent")).contains("s7 NO [NONEXISTENT]");
        assertThat(store.listeners()).isZero();
        c.send("s8 SELECT INBOX");
        c.send("s9 LOGOUT");
        assertThat(store.listeners()).isZero();
        SessionClient d = h.login(config);
        d.send("s1 SELECT INBOX");
        d.session.close(); // the connection dropped
        assertThat(store.listeners()).isZero();
    }
}
