package io.serai.bench.store;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

import io.serai.store.api.Mailbox;
import io.serai.store.api.MailboxInfo;
import io.serai.store.api.MessageMeta;
import io.serai.store.embedded.EmbeddedMailStore;
import io.serai.store.embedded.FsyncPolicy;

/**
 * What SELECT of a 100,000-message mailbox costs the store, warm (JMH warmup iterations first), one thread.
 * Three depths: counts/UIDNEXT only; plus the UID list (sequence-number map); plus every message's metadata
 * (flags, for UNSEEN and FETCH FLAGS).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@State(Scope.Benchmark)
public class MailboxOpenBench {
    EmbeddedMailStore store;

    @Setup(Level.Trial)
    public void open() throws Exception {
        store = BigMailbox.open(FsyncPolicy.ALWAYS);
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        store.close();
    }

    @Benchmark
    public MailboxInfo openInfo() throws Exception {
        return store.mailboxes(BigMailbox.ACCOUNT).open(BigMailbox.NAME).info();
    }

    @Benchmark
    public long[] openInfoUids(Blackhole bh) throws Exception {
        Mailbox m = store.mailboxes(BigMailbox.ACCOUNT).open(BigMailbox.NAME);
        bh.consume(m.info());
        return m.uids();
    }

    @Benchmark
    public List<MessageMeta> openInfoMessages(Blackhole bh) throws Exception {
        Mailbox m = store.mailboxes(BigMailbox.ACCOUNT).open(BigMailbox.NAME);
        bh.consume(m.info());
        return m.messages();
    }
}
