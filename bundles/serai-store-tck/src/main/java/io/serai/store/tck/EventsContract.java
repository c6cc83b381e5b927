package io.serai.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.serai.store.api.FlagUpdate;
import io.serai.store.api.Flags;
import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.api.SystemFlag;
import io.serai.store.api.event.StoreEvent;

/** Behaviour every MailStore has; a store's test extends this with its {@link StoreFixture}. */
public abstract class EventsContract {

    /** Where this test's store lives: a fresh location per test method, the same one on every call. */
    protected abstract StoreFixture fixture();


    @Test
    void listenersGetEveryChangeInOrderOffTheWriterThread() throws Exception {
        try (MailStore store = TestStores.openWithUser(fixture())) {
            List<StoreEvent> seen = new CopyOnWriteArrayList<>();
            List<String> threads = new CopyOnWriteArrayList<>();
            store.addListener(e -> {
                seen.add(e);
                threads.add(Thread.currentThread().getName());
            });
            Mailbox box = store.mailboxes(TestStores.USER).create("Events");
            box.append(TestStores.request(TestStores.message("1", "a")));
            box.append(TestStores.request(TestStores.message("2", "b")));
            box.updateFlags(new long[] {1}, FlagUpdate.add(Flags.of(SystemFlag.SEEN)));
            box.expunge(new long[] {2});
            store.mailboxes(TestStores.USER).rename("Events", "Renamed");
            store.mailboxes(TestStores.USER).delete("Renamed");

            // a shared store may still hand a new listener changes committed just before it registered (the
            // account's own mailboxes here): only this mailbox's events are counted
            await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> assertThat(seen.stream()
                    .filter(e -> e.mailboxId() == box.id())).hasSize(7));
            seen.removeIf(e -> e.mailboxId() != box.id());
            assertThat(seen).extracting(e -> e.getClass().getSimpleName()).containsExactly("MailboxCreated",
                    "MessageAdded", "MessageAdded", "FlagsChanged", "MessagesExpunged", "MailboxRenamed",
                    "MailboxDeleted");
            assertThat(seen).allSatisfy(e -> assertThat(e.mailboxId()).isEqualTo(box.id()));
            assertThat(threads).doesNotContain(Thread.currentThread().getName(), "serai-store-commit");
        }
    }

    @Test
    void aBlockedListenerDoesNotBlockWriters() throws Exception {
        try (MailStore store = TestStores.openWithUser(fixture())) {
            CountDownLatch release = new CountDownLatch(1);
            List<StoreEvent> seen = new CopyOnWriteArrayList<>();
            AutoCloseable registration = store.addListener(e -> {
                try {
                    release.await();
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
                seen.add(e);
            });
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            for (int i = 0; i < 20; i++) {
                inbox.append(TestStores.request(TestStores.message("m" + i, "b")));
            }
            assertThat(inbox.info().messages()).isEqualTo(20);
            release.countDown();
            await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> assertThat(seen.stream()
                    .filter(e -> e instanceof StoreEvent.MessageAdded && e.mailboxId() == inbox.id())).hasSize(20));
            registration.close();
        }
    }
}
