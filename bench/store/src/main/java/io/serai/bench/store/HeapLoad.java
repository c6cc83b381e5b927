package io.serai.bench.store;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.serai.store.api.AppendRequest;
import io.serai.store.api.Flags;
import io.serai.store.api.Mailbox;
import io.serai.store.api.SystemFlag;
import io.serai.store.embedded.EmbeddedMailStore;
import io.serai.store.embedded.FsyncPolicy;

/**
 * Heap held by the metadata of 1,000,000 messages across 1,000 mailboxes (100 accounts x 10 folders x 1,000
 * messages of 600 bytes), fsync NEVER to keep the fill short. Used heap after full GCs (MemoryMXBean) is taken
 * before the store is opened, after the fill, and again after close + reopen (the state a restarted server holds,
 * rebuilt by recovery). JMH fits this badly (one long fill, one measurement), hence a main.
 * Prints {@code RESULT key value} lines for RunAll.
 */
public final class HeapLoad {
    static final int ACCOUNTS = 100;
    static final int FOLDERS = 10;
    static final int PER_FOLDER = 1000;
    static final int SIZE = 600;

    public static void main(String[] args) throws Exception {
        Path dir = Fixtures.newDir("heap");
        try {
            run(dir);
        } finally {
            Fixtures.deleteTree(dir);
        }
    }

    private static void run(Path dir) throws Exception {
        long before = usedAfterGc();
        long t0 = System.nanoTime();
        EmbeddedMailStore store = Fixtures.open(dir, FsyncPolicy.NEVER);
        store.accounts().addDomain(Fixtures.DOMAIN);
        List<Mailbox> folders = new ArrayList<>();
        for (int a = 0; a < ACCOUNTS; a++) {
            String account = Fixtures.account("u" + a);
            store.accounts().createAccount(account, Fixtures.PASSWORD);
            for (int f = 0; f < FOLDERS; f++) {
                folders.add(f == 0 ? store.mailboxes(account).open("INBOX")
                        : store.mailboxes(account).create("folder" + f));
            }
        }
        byte[][] contents = new byte[32][];
        for (int i = 0; i < contents.length; i++) {
            contents[i] = Fixtures.message(SIZE, i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> done = new ArrayList<>();
        for (int f = 0; f < folders.size(); f++) {
            Mailbox m = folders.get(f);
            int seed = f;
            done.add(pool.submit(() -> {
                List<AppendRequest> batch = new ArrayList<>(PER_FOLDER);
                for (int i = 0; i < PER_FOLDER; i++) {
                    Flags flags = (i + seed) % 3 == 0 ? Flags.NONE : Flags.of(SystemFlag.SEEN);
                    batch.add(Fixtures.request(contents[(i + seed) % contents.length], flags));
                }
                m.appendAll(batch);
                return null;
            }));
        }
        for (Future<?> d : done) {
            d.get();
        }
        pool.shutdown();
        long fillNanos = System.nanoTime() - t0;
        long total = 0;
        for (Mailbox m : folders) {
            total += m.info().messages();
        }
        if (total != (long) ACCOUNTS * FOLDERS * PER_FOLDER) {
            throw new IllegalStateException("stored " + total + " messages");
        }
        folders.clear();
        long afterFill = usedAfterGc();

        store.close();
        store = null;
        long afterClose = usedAfterGc();
        long t1 = System.nanoTime();
        store = Fixtures.open(dir, FsyncPolicy.NEVER);
        long reopenNanos = System.nanoTime() - t1;
        long check = 0;
        for (int a = 0; a < ACCOUNTS; a++) {
            check += store.mailboxes(Fixtures.account("u" + a)).open("INBOX").info().messages();
        }
        long afterReopen = usedAfterGc();
        store.close();

        System.out.println("RESULT heap.messages " + total);
        System.out.println("RESULT heap.mailboxes " + ACCOUNTS * FOLDERS);
        System.out.println("RESULT heap.fill.seconds " + fillNanos / 1e9);
        System.out.println("RESULT heap.before.bytes " + before);
        System.out.println("RESULT heap.afterFill.bytes " + afterFill);
        System.out.println("RESULT heap.afterClose.bytes " + afterClose);
        System.out.println("RESULT heap.afterReopen.bytes " + afterReopen);
        System.out.println("RESULT heap.reopen.seconds " + reopenNanos / 1e9);
        System.out.println("RESULT heap.inboxMessagesAfterReopen " + check);
    }

    /** Used heap after full collections, repeated until it stops shrinking (at most 6 times). */
    static long usedAfterGc() {
        MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 6; i++) {
            System.gc();
            long used = mx.getHeapMemoryUsage().getUsed();
            if (used >= last - (last >> 7)) {
                return Math.min(used, last);
            }
            last = used;
        }
        return last;
    }
}
