package io.serai.bench.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentRegion;
import io.serai.store.api.Flags;
import io.serai.store.api.Mailbox;
import io.serai.store.embedded.EmbeddedMailStore;
import io.serai.store.embedded.FsyncPolicy;

/**
 * Sending whole messages for FETCH BODY[] / RETR, page cache warm, cycling over the stored messages (64 MB at
 * most), into a loopback TCP connection whose other end a thread drains (so every variant pays the same sink):
 * <ul>
 *   <li>{@code region}: {@code content(uid).openRegion()} then {@code FileChannel.transferTo} the socket (sendfile:
 *       the bytes never enter the Java heap; what Netty's DefaultFileRegion does);</li>
 *   <li>{@code stream}: {@code content(uid).openStream()} read into a reused 64 KB heap buffer, written out;</li>
 *   <li>{@code baselineReadAllBytes}: {@code Files.readAllBytes} of the same bytes in one plain file per message,
 *       written out.</li>
 * </ul>
 * Throughput in messages/s; MB/s = ops/s x size. Run with the GC profiler to see heap bytes allocated per read.
 * Setup checks that both store paths return exactly the appended bytes.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@State(Scope.Benchmark)
public class ReadBench {
    private static final long DATA = 64L << 20;

    @Param({"10240", "1048576"})
    public int size;

    Path dir;
    EmbeddedMailStore store;
    Mailbox inbox;
    long[] uids;
    Path[] files;
    ServerSocketChannel server;
    SocketChannel sink;
    SocketChannel peer;
    Thread drainer;
    final byte[] buffer = new byte[64 * 1024];
    int next;

    @Setup(Level.Trial)
    public void open() throws Exception {
        dir = Fixtures.newDir("read");
        store = Fixtures.open(dir.resolve("store"), FsyncPolicy.ALWAYS);
        store.accounts().addDomain(Fixtures.DOMAIN);
        store.accounts().createAccount(Fixtures.account("reader"), Fixtures.PASSWORD);
        inbox = store.mailboxes(Fixtures.account("reader")).open("INBOX");
        int count = (int) Math.min(1000, DATA / size);
        Path plain = Files.createDirectories(dir.resolve("plain"));
        files = new Path[count];
        List<AppendRequest> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] m = Fixtures.message(size, i);
            files[i] = Files.write(plain.resolve(i + ".eml"), m);
            batch.add(Fixtures.request(m, Flags.NONE));
            if (batch.size() == 100) {
                inbox.appendAll(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            inbox.appendAll(batch);
        }
        uids = inbox.uids();
        if (uids.length != count) {
            throw new IllegalStateException(uids.length + " messages stored, wanted " + count);
        }
        verify(plain);
        server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        sink = SocketChannel.open(server.getLocalAddress());
        peer = server.accept();
        drainer = new Thread(() -> {
            ByteBuffer b = ByteBuffer.allocateDirect(256 * 1024);
            try {
                while (peer.read(b) >= 0) {
                    b.clear();
                }
            } catch (IOException e) {
                // closed at teardown
            }
        }, "read-bench-drain");
        drainer.setDaemon(true);
        drainer.start();
    }

    /** Both store read paths must give back exactly the bytes in the plain files. */
    private void verify(Path plain) throws Exception {
        for (int i = 0; i < uids.length; i++) {
            byte[] expected = Files.readAllBytes(files[i]);
            byte[] viaStream;
            try (InputStream in = inbox.content(uids[i]).openStream()) {
                viaStream = in.readAllBytes();
            }
            ByteBuffer viaRegion;
            try (ContentRegion r = inbox.content(uids[i]).openRegion()) {
                viaRegion = ByteBuffer.allocate((int) r.length());
                long pos = r.position();
                while (viaRegion.hasRemaining()) {
                    int n = r.channel().read(viaRegion, pos);
                    if (n < 0) {
                        break;
                    }
                    pos += n;
                }
            }
            if (!Arrays.equals(expected, viaStream) || !Arrays.equals(expected, viaRegion.array())) {
                throw new IllegalStateException("message " + i + " reads back different bytes");
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        sink.close();
        drainer.join();
        peer.close();
        server.close();
        store.close();
        Fixtures.deleteTree(dir);
    }

    private int nextIndex() {
        int i = next;
        next = i + 1 == uids.length ? 0 : i + 1;
        return i;
    }

    @Benchmark
    public long region() throws Exception {
        try (ContentRegion r = inbox.content(uids[nextIndex()]).openRegion()) {
            long pos = r.position();
            long left = r.length();
            while (left > 0) {
                long n = r.channel().transferTo(pos, left, sink);
                pos += n;
                left -= n;
            }
            return r.length();
        }
    }

    @Benchmark
    public long stream() throws Exception {
        long total = 0;
        try (InputStream in = inbox.content(uids[nextIndex()]).openStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                writeFully(ByteBuffer.wrap(buffer, 0, n));
                total += n;
            }
        }
        return total;
    }

    @Benchmark
    public int baselineReadAllBytes() throws IOException {
        byte[] bytes = Files.readAllBytes(files[nextIndex()]);
        writeFully(ByteBuffer.wrap(bytes));
        return bytes.length;
    }

    private void writeFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            sink.write(b);
        }
    }
}
