package io.serai.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.serai.store.api.Mailbox;
import io.serai.store.api.MessageMeta;

class CompactionTest {
    @TempDir
    Path dir;

    private EmbeddedStoreConfig config() {
        return TestStores.config(dir).withFileSizes(256 * 1024, 64 * 1024);
    }

    private static byte[] body(int i) {
        return TestStores.message("m" + i, ("message " + i + " ").repeat(400));
    }

    @Test
    void expungedSpaceIsReclaimedAndEveryLiveCopyStaysIntact() throws Exception {
        Map<Long, byte[]> keptInbox = new ConcurrentHashMap<>();
        Map<Long, byte[]> keptArchive = new ConcurrentHashMap<>();
        long before;
        try (EmbeddedMailStore store = EmbeddedStores.open(config())) {
            store.accounts().addDomain("example.org");
            store.accounts().createAccount(TestStores.USER, TestStores.PASSWORD);
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            Mailbox archive = store.mailboxes(TestStores.USER).open("Archive");
            for (int i = 1; i <= 120; i++) {
                inbox.append(TestStores.request(body(i)));
            }
            // every tenth message also lives in Archive: a copy shares the stored bytes
            long[] tenth = LongStream.rangeClosed(1, 120).filter(u -> u % 10 == 0).toArray();
            long[] archived = inbox.copyTo(tenth, archive).targetUids();
            for (int k = 0; k < tenth.length; k++) {
                keptArchive.put(archived[k], body((int) tenth[k]));
            }
            long[] doomed = LongStream.rangeClosed(1, 120).filter(u -> u % 4 != 0).toArray();
            inbox.expunge(doomed);
            LongStream.rangeClosed(1, 120).filter(u -> u % 4 == 0).forEach(u -> keptInbox.put(u, body((int) u)));
            before = blobBytes();

            CompactionReport report = store.compact(0.5);
            assertThat(report.segmentsDeleted()).isPositive();
            assertThat(report.messagesMoved()).isPositive();
            assertThat(blobBytes()).isLessThan(before);
            assertContents(inbox, keptInbox);
            assertContents(archive, keptArchive);
            keptInbox.put(inbox.append(TestStores.request(body(999))).uid(), body(999));
        }
        try (EmbeddedMailStore store = EmbeddedStores.open(config())) {
            assertContents(store.mailboxes(TestStores.USER).open("INBOX"), keptInbox);
            assertContents(store.mailboxes(TestStores.USER).open("Archive"), keptArchive);
            assertThat(store.compact(0.5).segmentsDeleted()).as("nothing left to reclaim").isZero();
        }
    }

    @Test
    void compactingWhileOthersAppendLosesNothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Map<Long, byte[]> kept = new ConcurrentHashMap<>();
        try (EmbeddedMailStore store = EmbeddedStores.open(config())) {
            store.accounts().addDomain("example.org");
            store.accounts().createAccount(TestStores.USER, TestStores.PASSWORD);
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            List<Future<?>> work = new ArrayList<>();
            AtomicBoolean appending = new AtomicBoolean(true);
            AtomicInteger deleted = new AtomicInteger();
            work.add(pool.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    long uid = inbox.append(TestStores.request(body(i))).uid();
                    if (i % 3 == 0) {
                        kept.put(uid, body(i));
                    } else {
                        inbox.expunge(new long[] {uid});
                    }
                }
                appending.set(false);
                return null;
            }));
            work.add(pool.submit(() -> {
                while (appending.get()) {
                    deleted.addAndGet(store.compact(0.9).segmentsDeleted());
                }
                return null;
            }));
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
            deleted.addAndGet(store.compact(0.9).segmentsDeleted());
            assertThat(deleted.get()).as("segments reclaimed while appending").isPositive();
            assertContents(inbox, kept);
        } finally {
            pool.shutdownNow();
        }
        try (EmbeddedMailStore store = EmbeddedStores.open(config())) {
            assertContents(store.mailboxes(TestStores.USER).open("INBOX"), kept);
        }
    }

    private static void assertContents(Mailbox box, Map<Long, byte[]> expected) throws Exception {
        assertThat(box.messages()).extracting(MessageMeta::uid).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Map.Entry<Long, byte[]> e : expected.entrySet()) {
            assertThat(TestStores.readAll(box.content(e.getKey()).openStream())).as("UID %d", e.getKey())
                    .isEqualTo(e.getValue());
            assertThat(box.content(e.getKey()).structure().header()).isNotEmpty();
        }
    }

    private long blobBytes() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("blobs"))) {
            long sum = 0;
            for (Path p : files.toList()) {
                sum += Files.size(p);
            }
            return sum;
        }
    }
}
