package io.serai.bench.store;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

/**
 * The raw cost of the disk, measured in the same run as the store, as the baseline for appends and flag changes.
 * Each thread has its own file and shares nothing: write then {@code FileChannel.force(false)} (fdatasync, what the
 * store uses for segments and journal), every time.
 */
public class DiskBaseline {

    /** 10 KB appended to a growing file, then fdatasync: one message, no group commit. */
    @State(Scope.Thread)
    public static class AppendFile {
        Path dir;
        FileChannel ch;
        final ByteBuffer buf = ByteBuffer.wrap(Fixtures.message(AppendBench.SIZE, 7));

        @Setup(Level.Trial)
        public void open() throws IOException {
            dir = Fixtures.newDir("raw-append");
            ch = FileChannel.open(dir.resolve("data"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            ch.close();
            Fixtures.deleteTree(dir);
        }

        long writeAndForce() throws IOException {
            buf.clear();
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
            return ch.position();
        }
    }

    /**
     * A 128-byte record written into a preallocated (zero-filled, forced) file, then fdatasync: what a flag change
     * costs the disk (the store's journal files are preallocated too).
     */
    @State(Scope.Thread)
    public static class RecordFile {
        static final long FILE_SIZE = 64L << 20;
        Path dir;
        FileChannel ch;
        long pos;
        final ByteBuffer record = ByteBuffer.allocate(128);

        @Setup(Level.Trial)
        public void open() throws IOException {
            dir = Fixtures.newDir("raw-record");
            Path f = dir.resolve("journal");
            try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
                byte[] zeros = new byte[1 << 20];
                for (long done = 0; done < FILE_SIZE; done += zeros.length) {
                    raf.write(zeros);
                }
                raf.getFD().sync();
            }
            ch = FileChannel.open(f, StandardOpenOption.WRITE);
            for (int i = 0; i < record.capacity(); i++) {
                record.put(i, (byte) i);
            }
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            ch.close();
            Fixtures.deleteTree(dir);
        }

        long writeAndForce() throws IOException {
            record.clear();
            if (pos + record.capacity() > FILE_SIZE) {
                pos = 0;
            }
            while (record.hasRemaining()) {
                pos += ch.write(record, pos);
            }
            ch.force(false);
            return pos;
        }
    }

    @Benchmark
    @Threads(1)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public long rawAppend1Writer(AppendFile f) throws IOException {
        return f.writeAndForce();
    }

    @Benchmark
    @Threads(8)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public long rawAppend8Writers(AppendFile f) throws IOException {
        return f.writeAndForce();
    }

    @Benchmark
    @Threads(1)
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long rawRecordFsync(RecordFile f) throws IOException {
        return f.writeAndForce();
    }
}
