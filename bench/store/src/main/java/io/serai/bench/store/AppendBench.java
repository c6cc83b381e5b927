package io.serai.bench.store;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import io.serai.store.api.Flags;
import io.serai.store.api.Mailbox;
import io.serai.store.embedded.EmbeddedMailStore;
import io.serai.store.embedded.FsyncPolicy;

/**
 * Durable append of 10 KB messages through {@link Mailbox#append}, fsync ALWAYS (default config: 8 writer
 * segments, 64 MB journal files, so rotations and snapshots happen during the run). Each JMH thread is one
 * delivery into its own account's INBOX, the way 8 concurrent LMTP/SMTP deliveries would be.
 * Throughput is ops/s summed over the threads = messages/s. The NEVER variant (no fsync at all) shows how much of
 * the time is the store's CPU work (streaming, MIME parsing, commit) rather than the disk.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AppendBench {
    static final int SIZE = 10 * 1024;
    static final int MAX_WRITERS = 8;

    @State(Scope.Benchmark)
    public static class Store {
        @Param({"ALWAYS", "NEVER"})
        public FsyncPolicy fsync;

        Path dir;
        EmbeddedMailStore store;
        final AtomicInteger nextWriter = new AtomicInteger();
        final byte[] content = Fixtures.message(SIZE, 42);

        @Setup(Level.Trial)
        public void open() throws Exception {
            dir = Fixtures.newDir("append");
            store = Fixtures.open(dir, fsync);
            store.accounts().addDomain(Fixtures.DOMAIN);
            for (int i = 0; i < MAX_WRITERS; i++) {
                store.accounts().createAccount(Fixtures.account("w" + i), Fixtures.PASSWORD);
            }
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            store.close();
            Fixtures.deleteTree(dir);
        }
    }

    @State(Scope.Thread)
    public static class Writer {
        Mailbox inbox;
        byte[] content;

        @Setup(Level.Trial)
        public void open(Store s) throws Exception {
            int i = s.nextWriter.getAndIncrement() % MAX_WRITERS;
            inbox = s.store.mailboxes(Fixtures.account("w" + i)).open("INBOX");
            content = s.content;
        }
    }

    @Benchmark
    @Threads(1)
    public long append1Writer(Store s, Writer w) throws Exception {
        return w.inbox.append(Fixtures.request(w.content, Flags.NONE)).uid();
    }

    @Benchmark
    @Threads(8)
    public long append8Writers(Store s, Writer w) throws Exception {
        return w.inbox.append(Fixtures.request(w.content, Flags.NONE)).uid();
    }
}
