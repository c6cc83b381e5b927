package io.serai.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.serai.store.api.FlagUpdate;
import io.serai.store.api.Flags;
import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.SystemFlag;

class ConcurrencyTest {
    private static final int WRITERS = 8;
    private static final int PER_WRITER = 40;

    @TempDir
    Path dir;

    /** Eight durable writers (fsync on) share commit rounds; every UID is handed out once and maps to its bytes. */
    @Test
    void concurrentDurableAppendsGetUniqueDenseUidsAndKeepTheirBytes() throws Exception {
        EmbeddedStoreConfig config = EmbeddedStoreConfig.defaults(dir).withFileSizes(1 << 20, 4 << 20);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        try (MailStore store = EmbeddedStores.open(config)) {
            store.accounts().addDomain("example.org");
            store.accounts().createAccount(TestStores.USER, TestStores.PASSWORD);
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            Mailbox other = store.mailboxes(TestStores.USER).open("Archive");
            Map<Long, byte[]> inboxSent = new ConcurrentHashMap<>();
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < PER_WRITER; i++) {
                        byte[] m = TestStores.message("w" + writer + "-" + i, ("line " + i + "\r\n").repeat(500));
                        Mailbox target = writer % 4 == 3 ? other : inbox;
                        long uid = target.append(TestStores.request(m)).uid();
                        if (target == inbox) {
                            assertThat(inboxSent.put(uid, m)).as("UID %d handed out twice", uid).isNull();
                        }
                    }
                    return null;
                }));
            }
            // a reader and a flag writer run alongside the appenders
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    List<MessageMeta> seen = inbox.messages();
                    if (!seen.isEmpty()) {
                        inbox.updateFlags(new long[] {seen.get(0).uid()}, FlagUpdate.add(Flags.of(SystemFlag.SEEN)));
                    }
                }
                return null;
            }));
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
            int inboxCount = WRITERS / 4 * 3 * PER_WRITER;
            assertThat(inboxSent).hasSize(inboxCount);
            assertThat(inbox.messages()).extracting(MessageMeta::uid)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, inboxCount).boxed().toList());
            assertThat(other.info().messages()).isEqualTo(WRITERS / 4 * PER_WRITER);
            for (Map.Entry<Long, byte[]> e : inboxSent.entrySet()) {
                assertThat(TestStores.readAll(inbox.content(e.getKey()).openStream())).isEqualTo(e.getValue());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
