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
 * Changes made by others (here: straight through the store) show up on NOOP with consistent sequence numbers, from
 * the event queue and, after the queue overflowed, from the one-off resync.
 */
class MailboxSyncTest {

    private static final String MESSAGE = "Subject: s\r\n\r\nx\r\n";

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
    void noopReportsExpungesThenNewMessages() throws Exception {
        long[] uids = new long[4];
        for (int i = 0; i < 4; i++) {
            uids[i] = h.append("INBOX", MESSAGE, Flags.NONE);
        }
        SessionClient c = h.client();
        c.send("a SELECT INBOX");
        assertThat(c.send("b NOOP")).isEqualTo("b OK NOOP completed\r\n");
        inbox.updateFlags(new long[] {uids[1], uids[2]}, FlagUpdate.add(Flags.of(SystemFlag.DELETED)));
        inbox.expunge(new long[] {uids[1], uids[2]});
        h.append("INBOX", MESSAGE, Flags.NONE);
        h.append("INBOX", MESSAGE, Flags.NONE);
        c.awaitEvents();
        // 1 2 3 4 → 2 goes (msn 2), then 3 has become msn 2 → 1 4 remain, two new ones make 4; the flag changes of
        // the expunged messages are not reported
        assertThat(c.send("c NOOP")).isEqualTo("* 2 EXPUNGE\r\n* 2 EXPUNGE\r\n* 4 EXISTS\r\n* 0 RECENT\r\n"
                + "c OK NOOP completed\r\n"); // the harness's mail was seen by an earlier session
        assertThat(c.send("d NOOP")).isEqualTo("d OK NOOP completed\r\n");
        h.append("INBOX", MESSAGE, Flags.NONE);
        c.awaitEvents();
        assertThat(c.send("e CHECK")).isEqualTo("* 5 EXISTS\r\n* 0 RECENT\r\ne OK CHECK completed\r\n");
    }

    @Test
    void overflowFallsBackToOneResync() throws Exception {
        long first = h.append("INBOX", MESSAGE, Flags.NONE);
        long second = h.append("INBOX", MESSAGE, Flags.NONE);
        SessionClient c = h.login(h.config.withMaxPendingChanges(3));
        c.send("a SELECT INBOX");
        inbox.updateFlags(new long[] {second}, FlagUpdate.add(Flags.of(SystemFlag.FLAGGED)));
        inbox.expunge(new long[] {first});
        for (int i = 0; i < 3; i++) {
            h.append("INBOX", MESSAGE, Flags.NONE);
        }
        c.awaitEvents();
        assertThat(c.session.selected().pending().overflowed()).isTrue();
        assertThat(c.send("b NOOP")).isEqualTo("* 1 EXPUNGE\r\n* 4 EXISTS\r\n* 0 RECENT\r\n* 1 FETCH (UID " + second
                + " FLAGS (\\Flagged))\r\nb OK NOOP completed\r\n");
        assertThat(c.session.selected().pending().overflowed()).isFalse();
        h.append("INBOX", MESSAGE, Flags.NONE);
        c.awaitEvents();
        assertThat(c.send("c NOOP")).isEqualTo("* 5 EXISTS\r\n* 0 RECENT\r\nc OK NOOP completed\r\n");
    }

    @Test
    void noopOutsideSelectedStateReportsNothing() throws Exception {
        h.append("INBOX", MESSAGE, Flags.NONE);
        assertThat(h.send("a NOOP")).isEqualTo("a OK NOOP completed\r\n");
    }
}
