package io.serai.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.serai.store.api.FlagUpdate;
import io.serai.store.api.FlagUpdateResult;
import io.serai.store.api.Flags;
import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.api.Mailboxes;
import io.serai.store.api.NotFoundException;
import io.serai.store.api.StoreException;
import io.serai.store.api.SystemFlag;

class EdgeCasesTest {
    @TempDir
    Path dir;

    @Test
    void invalidMailboxNamesAreRejected() throws Exception {
        try (MailStore store = TestStores.openWithUser(dir)) {
            Mailboxes boxes = store.mailboxes(TestStores.USER);
            for (String bad : List.of("", "/a", "a/", "a//b", "a*", "a%b")) {
                assertThatThrownBy(() -> boxes.create(bad)).as(bad).isInstanceOf(StoreException.class);
            }
            assertThatThrownBy(() -> store.mailboxes("nobody@example.org")).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void appendingToADeletedMailboxFailsWithoutSideEffects() throws Exception {
        try (MailStore store = TestStores.openWithUser(dir)) {
            Mailbox gone = store.mailboxes(TestStores.USER).create("Gone");
            store.mailboxes(TestStores.USER).delete("Gone");
            assertThatThrownBy(() -> gone.append(TestStores.request(TestStores.message("x", "y"))))
                    .isInstanceOf(NotFoundException.class);
            assertThat(store.accounts().quota(TestStores.USER).messages()).isZero();
        }
    }

    @Test
    void aMailboxHoldsAtMost64KeywordsAndARejectedStoreChangesNothing() throws Exception {
        try (MailStore store = TestStores.openWithUser(dir)) {
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            long uid = inbox.append(TestStores.request(TestStores.message("k", "b"))).uid();
            Set<String> many = new HashSet<>();
            for (int i = 0; i < 64; i++) {
                many.add("kw" + i);
            }
            inbox.updateFlags(new long[] {uid}, FlagUpdate.add(Flags.of(Set.of(), many)));
            long modSeq = inbox.info().highestModSeq();
            assertThatThrownBy(() -> inbox.updateFlags(new long[] {uid},
                    FlagUpdate.add(Flags.of(Set.of(), Set.of("one-too-many")))))
                    .isInstanceOf(StoreException.class).hasMessageContaining("keywords");
            assertThat(inbox.info().highestModSeq()).isEqualTo(modSeq);
            assertThat(inbox.content(uid).meta().flags().keywords()).hasSize(64);
        }
    }

    @Test
    void messagesLargerThanASegmentAreStoredWhole() throws Exception {
        EmbeddedStoreConfig tiny = TestStores.config(dir).withFileSizes(256 * 1024, 64 * 1024);
        try (MailStore store = EmbeddedStores.open(tiny)) {
            store.accounts().addDomain("example.org");
            store.accounts().createAccount(TestStores.USER, TestStores.PASSWORD);
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            byte[] big = TestStores.message("big", "0123456789".repeat(30_000));
            byte[] small = TestStores.message("small", "x");
            long b = inbox.append(TestStores.request(big)).uid();
            long s = inbox.append(TestStores.request(small)).uid();
            assertThat(TestStores.readAll(inbox.content(b).openStream())).isEqualTo(big);
            assertThat(TestStores.readAll(inbox.content(s).openStream())).isEqualTo(small);
        }
    }

    /** Two clients race a conditional STORE from the same MODSEQ: exactly one wins (RFC 7162 section 3.1.3). */
    @Test
    void conditionalStoresFromTheSameModSeqLetExactlyOneWin() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (MailStore store = TestStores.openWithUser(dir)) {
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            long uid = inbox.append(TestStores.request(TestStores.message("race", "b"))).uid();
            for (int round = 0; round < 20; round++) {
                long seen = inbox.messages().get(0).modSeq();
                CyclicBarrier start = new CyclicBarrier(2);
                Callable<FlagUpdateResult> racer = () -> {
                    start.await(30, TimeUnit.SECONDS);
                    Flags mine = Flags.of(Set.of(SystemFlag.FLAGGED), Set.of(Thread.currentThread().getName()));
                    return inbox.updateFlags(new long[] {uid}, FlagUpdate.replace(mine).unchangedSince(seen));
                };
                Future<FlagUpdateResult> a = pool.submit(racer);
                Future<FlagUpdateResult> b = pool.submit(racer);
                FlagUpdateResult ra = a.get(10, TimeUnit.SECONDS);
                FlagUpdateResult rb = b.get(10, TimeUnit.SECONDS);
                assertThat(ra.updated().size() + rb.updated().size()).as("winners in round %d", round).isEqualTo(1);
                assertThat(ra.modified().length + rb.modified().length).isEqualTo(1);
                inbox.updateFlags(new long[] {uid}, FlagUpdate.replace(Flags.NONE));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
