package io.serai.pop3.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.serai.pop3.testing.LeaseTable;
import io.serai.store.api.StoreUnavailableException;

/**
 * Locks across nodes: two MaildropLocks over one lease table stand for two nodes. (The real table is the PostgreSQL
 * store's, exercised with two Karaf nodes in the cluster itest.)
 */
class MaildropLocksAcrossNodesTest {

    @Test
    void aMaildropLockedOnOneNodeIsInUseOnTheOtherUntilReleased() throws Exception {
        LeaseTable table = new LeaseTable();
        MaildropLocks nodeA = MaildropLocks.acrossNodes(table);
        MaildropLocks nodeB = MaildropLocks.acrossNodes(table);
        MaildropLocks.Lease onA = nodeA.tryLock("Alice@Example.org").orElseThrow();
        assertThat(table.held).containsExactly("pop3-maildrop:alice@example.org");
        assertThat(nodeB.tryLock("alice@example.org")).isEmpty();
        assertThat(nodeB.isLocked("alice@example.org")).as("nothing left behind on B").isFalse();
        assertThat(onA.isValid()).isTrue();
        onA.close();
        assertThat(table.held).isEmpty();
        assertThat(nodeB.tryLock("alice@example.org")).isPresent();
    }

    @Test
    void aLeaseLostInTheStoreMakesTheLockInvalid() throws Exception {
        LeaseTable table = new LeaseTable();
        MaildropLocks.Lease lock = MaildropLocks.acrossNodes(table).tryLock("bob@example.org").orElseThrow();
        table.held.clear(); // expired and taken over elsewhere
        assertThat(lock.isValid()).isFalse();
    }

    @Test
    void anUnreachableStoreFailsTheLockAndLeavesNothingHeld() throws Exception {
        LeaseTable table = new LeaseTable();
        MaildropLocks locks = MaildropLocks.acrossNodes(table);
        table.down = true;
        assertThatThrownBy(() -> locks.tryLock("carol@example.org")).isInstanceOf(StoreUnavailableException.class);
        assertThat(locks.isLocked("carol@example.org")).isFalse();
        table.down = false;
        assertThat(locks.tryLock("carol@example.org")).isPresent();
    }
}
