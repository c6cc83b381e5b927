package io.serai.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.serai.store.api.FlagUpdate;
import io.serai.store.api.Flags;
import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.api.SystemFlag;
import io.serai.store.api.event.StoreEvent;

class EventsTest {
    @TempDir
    Path dir;

    @Test
    void listenersGetEveryChangeInOrderOffTheWriterThread() throws Exception {
        try (MailStore store = TestStores.openWithUser(dir)) {
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

            await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> assertThat(seen).hasSize(7));
            assertThat(seen).extracting(e -> e.getClass().getSimpleName()).containsExactly("MailboxCreated",
                    "MessageAdded", "MessageAdded", "FlagsChanged", "MessagesExpunged", "MailboxRenamed",
                    "MailboxDeleted");
            assertThat(seen).allSatisfy(e -> assertThat(e.mailboxId()).isEqualTo(box.id()));
            assertThat(threads).doesNotContain(Thread.currentThread().getName(), "serai-store-commit");
        }
    }

    @Test
    void aBlockedListenerDoesNotBlockWriters() throws Exception {
        try (MailStore store = TestStores.openWithUser(dir)) {
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
            await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> assertThat(seen).hasSize(20));
            registration.close();
        }
    }
}
