package io.serai.pop3.protocol;

import static io.serai.pop3.testing.TestStore.ALICE;
import static io.serai.pop3.testing.TestStore.PLAIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.serai.pop3.api.MaildropLocks;
import io.serai.pop3.api.Pop3EventListener;
import io.serai.pop3.testing.LeaseTable;
import io.serai.pop3.testing.TestStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session whose maildrop lease across nodes was lost (its node could not renew it in time, so another node may
 * hold the maildrop now) stops at its next command, and its QUIT deletes nothing.
 */
class LostLeaseTest {

    @TempDir
    Path dir;
    TestStore store;
    /** The shared lease table; a name removed from it is a lease that expired and was not renewed. */
    final LeaseTable table = new LeaseTable();
    final MaildropLocks locks = MaildropLocks.acrossNodes(table);

    @BeforeEach
    void fill() throws Exception {
        store = new TestStore(dir);
        store.append(ALICE, PLAIN);
        store.append(ALICE, PLAIN);
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    private SessionDriver login() {
        SessionDriver d = new SessionDriver(SessionDriver.config(store.store, new Pop3EventListener() { })
                .userWithoutTls(true).locks(locks).build(), false);
        d.send("USER " + ALICE);
        assertThat(d.send("PASS pencil")).startsWith("+OK maildrop has 2 messages");
        return d;
    }

    @Test
    void quitAfterTheLeaseIsLostDeletesNothing() throws Exception {
        SessionDriver d = login();
        assertThat(d.send("DELE 1")).isEqualTo("+OK message 1 deleted\r\n");
        table.held.clear();
        assertThat(d.send("QUIT")).isEqualTo("-ERR [SYS/TEMP] maildrop lock lost; nothing deleted, log in again\r\n");
        assertThat(d.last.action()).isEqualTo(Response.Action.CLOSE);
        assertThat(store.count(ALICE)).isEqualTo(2);
        assertThat(locks.isLocked(ALICE)).isFalse();
    }

    @Test
    void anyCommandAfterTheLeaseIsLostEndsTheSession() {
        SessionDriver d = login();
        assertThat(d.send("STAT")).startsWith("+OK 2 ");
        table.held.clear();
        assertThat(d.send("RETR 1")).isEqualTo("-ERR [SYS/TEMP] maildrop lock lost; nothing deleted, log in again\r\n");
        assertThat(d.last.action()).isEqualTo(Response.Action.CLOSE);
        assertThat(locks.isLocked(ALICE)).as("this node lets go too").isFalse();
    }
}
