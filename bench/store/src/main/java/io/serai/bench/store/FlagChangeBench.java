package io.serai.bench.store;

import java.util.concurrent.TimeUnit;

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

import io.serai.store.api.FlagUpdate;
import io.serai.store.api.FlagUpdateResult;
import io.serai.store.api.Flags;
import io.serai.store.api.Mailbox;
import io.serai.store.api.SystemFlag;
import io.serai.store.embedded.EmbeddedMailStore;
import io.serai.store.embedded.FsyncPolicy;

/**
 * STORE +FLAGS/-FLAGS (\Flagged) on one message in the middle of the 100,000-message INBOX, alternating so every
 * call is a real change (new MODSEQ, journal record). With fsync NEVER this is the store's own cost; with ALWAYS
 * it adds one journal fdatasync, compared with {@code DiskBaseline.rawRecordFsync}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@State(Scope.Benchmark)
public class FlagChangeBench {
    private static final FlagUpdate ADD = FlagUpdate.add(Flags.of(SystemFlag.FLAGGED));
    private static final FlagUpdate REMOVE = FlagUpdate.remove(Flags.of(SystemFlag.FLAGGED));

    @Param({"ALWAYS", "NEVER"})
    public FsyncPolicy fsync;

    EmbeddedMailStore store;
    Mailbox inbox;
    long[] target;
    boolean set;

    @Setup(Level.Trial)
    public void open() throws Exception {
        store = BigMailbox.open(fsync);
        inbox = store.mailboxes(BigMailbox.ACCOUNT).open(BigMailbox.NAME);
        long[] uids = inbox.uids();
        target = new long[] {uids[uids.length / 2]};
        set = inbox.messages(target[0], target[0]).get(0).flags().has(SystemFlag.FLAGGED);
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        store.close();
    }

    @Benchmark
    public FlagUpdateResult toggleFlag() throws Exception {
        set = !set;
        return inbox.updateFlags(target, set ? ADD : REMOVE);
    }
}
