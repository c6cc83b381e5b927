import io.serai.imap.protocol.decode.FramerLimits;
import io.serai.imap.protocol.process.AccountCredentials;
import io.serai.imap.protocol.process.ImapConfig;
import io.serai.imap.transport.NettyImapServer;
import io.serai.store.api.MailStore;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * FETCH throughput of serai-imap over the embedded store: APPENDs N messages of 10,240 octets over IMAP, then times
 * {@code FETCH 1:* BODY.PEEK[]} with one client and with four concurrent clients (each its own connection, the same
 * mailbox) and prints MB/s of message octets. Server and clients share this JVM (and the machine's cores).
 *
 * <p>Knobs (system properties): bench.messages [1000], bench.size [10240], bench.rounds [20], bench.warmup [10],
 * bench.fsync [NEVER|ALWAYS...]. Argument: a fresh data directory. With bench.host and bench.port the same client
 * runs against that server instead (bench.user, bench.password; an empty INBOX).
 */
public final class ImapFetchBench {

    static final String USER = System.getProperty("bench.user", "u@bench.test");
    static final String PASSWORD = System.getProperty("bench.password", "pw");

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int messages = Integer.getInteger("bench.messages", 1000);
        int size = Integer.getInteger("bench.size", 10_240);
        int rounds = Integer.getInteger("bench.rounds", 20);
        int warmup = Integer.getInteger("bench.warmup", 10);
        FsyncPolicy fsync = FsyncPolicy.valueOf(System.getProperty("bench.fsync", "NEVER"));
        String host = System.getProperty("bench.host");
        if (host != null) { // an external server (a baseline such as Dovecot): same client, same messages
            InetSocketAddress address = new InetSocketAddress(host, Integer.getInteger("bench.port"));
            measure(address, messages, size, rounds, warmup);
            return;
        }
        Files.createDirectories(dir);
        try (MailStore store = BenchStores.open(dir, fsync)) {
            store.accounts().addDomain("bench.test");
            store.accounts().createAccount(USER, PASSWORD.toCharArray());
            NettyImapServer server = new NettyImapServer(new ImapConfig(store,
                    new AccountCredentials(store.accounts()), true, 50L << 20, "bench", 10), FramerLimits.DEFAULT,
                    null, false);
            InetSocketAddress address = server.start("127.0.0.1", 0);
            try {
                measure(address, messages, size, rounds, warmup);
            } finally {
                server.close();
            }
        }
    }

    private static void measure(InetSocketAddress address, int messages, int size, int rounds, int warmup)
            throws Exception {
        long t0 = System.nanoTime();
        try (Client c = new Client(address)) {
            for (int i = 0; i < messages; i++) {
                c.append(message(i, size));
            }
        }
        System.out.printf("appended %d x %d octets over IMAP in %.1f s%n", messages, size,
                (System.nanoTime() - t0) / 1e9);
        long total = (long) messages * size;
        for (int clients : new int[] {1, 4}) {
            run(address, clients, warmup, total); // JIT, page cache
            long cpu0 = cpuNanos();
            long server0 = serverCpuNanos();
            double seconds = run(address, clients, rounds, total);
            double cpu = (cpuNanos() - cpu0) / 1e9;
            double serverCpu = (serverCpuNanos() - server0) / 1e9;
            double mb = (double) total * rounds * clients / 1e6;
            // the machine is shared: CPU seconds per GB (server + client, this JVM) is the steadier figure
            // an external server's threads are not in this JVM: no server CPU figure then
            String server = serverCpu == 0 ? "" : String.format("; server threads %.2f CPU-s per GB (%.0f MB/s per"
                    + " server core)", serverCpu / (mb / 1000), mb / serverCpu);
            System.out.printf("FETCH 1:* BODY.PEEK[] %d client(s): %d rounds x %d msgs in %.2f s = %.0f MB/s"
                    + " (%.1f ms per round per client); client JVM CPU %.2f s = %.2f CPU-s per GB%s%n", clients,
                    rounds, messages, seconds, mb / seconds, seconds * 1000 / rounds, cpu, cpu / (mb / 1000), server);
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time of the server's threads (Netty I/O and session executors are named imap-*). */
    private static long serverCpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("imap-")) {
                sum += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
            }
        }
        return sum;
    }

    /** Every client fetches the whole mailbox {@code rounds} times; returns the wall time. */
    private static double run(InetSocketAddress address, int clients, int rounds, long expected) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Client> connections = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Client c = new Client(address);
            c.command("s", "SELECT INBOX");
            connections.add(c);
        }
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (Client c : connections) {
            done.add(pool.submit(() -> {
                for (int r = 0; r < rounds; r++) {
                    long octets = c.fetchAll();
                    if (octets != expected) {
                        throw new IllegalStateException("fetched " + octets + " octets, expected " + expected);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        for (Client c : connections) {
            c.close();
        }
        return seconds;
    }

    /** A message of exactly {@code size} octets: a small header, then 78-octet CRLF lines. */
    static byte[] message(int n, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.writeBytes(("From: bench@bench.test\r\nTo: u@bench.test\r\nSubject: message " + n
                + "\r\nMessage-ID: <" + n + "@bench.test>\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        int i = 0;
        while (out.size() < size) {
            int line = Math.min(76, size - out.size() - 2);
            for (int k = 0; k < line; k++) {
                out.write('a' + (i++ % 26));
            }
            out.write('\r');
            out.write('\n');
        }
        return out.toByteArray();
    }

    /** A plain-socket client that reads literals into a reused buffer, as a real client would consume them. */
    static final class Client implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final byte[] sink = new byte[64 * 1024];
        private final StringBuilder line = new StringBuilder();
        private int tags;

        Client(InetSocketAddress address) throws IOException {
            socket = new Socket(address.getAddress(), address.getPort());
            socket.setTcpNoDelay(true);
            socket.setReceiveBufferSize(1 << 20);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
            readLine();
            command("l", "LOGIN " + USER + " " + PASSWORD);
        }

        void command(String tag, String command) throws IOException {
            out.write((tag + " " + command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            untilTagged(tag);
        }

        void append(byte[] message) throws IOException {
            String tag = "a" + (++tags);
            out.write((tag + " APPEND INBOX {" + message.length + "}\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (!readLine().startsWith("+")) {
                throw new IOException("no continuation: " + line);
            }
            out.write(message);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            untilTagged(tag);
        }

        /** FETCH 1:* BODY.PEEK[]; returns the literal octets received. */
        long fetchAll() throws IOException {
            String tag = "f" + (++tags);
            out.write((tag + " FETCH 1:* BODY.PEEK[]\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return untilTagged(tag);
        }

        private long untilTagged(String tag) throws IOException {
            long octets = 0;
            while (true) {
                String l = readLine();
                if (l.startsWith(tag + " ")) {
                    if (!l.startsWith(tag + " OK")) {
                        throw new IOException(l);
                    }
                    return octets;
                }
                if (l.endsWith("}")) {
                    int n = Integer.parseInt(l.substring(l.lastIndexOf('{') + 1, l.length() - 1));
                    octets += n;
                    while (n > 0) {
                        int r = in.read(sink, 0, Math.min(n, sink.length));
                        if (r < 0) {
                            throw new IOException("closed");
                        }
                        n -= r;
                    }
                }
            }
        }

        /** One line without its CRLF. */
        private String readLine() throws IOException {
            line.setLength(0);
            while (true) {
                int c = in.read();
                if (c < 0) {
                    throw new IOException("closed");
                }
                if (c == '\n') {
                    int len = line.length();
                    if (len > 0 && line.charAt(len - 1) == '\r') {
                        line.setLength(len - 1);
                    }
                    return line.toString();
                }
                line.append((char) c);
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
