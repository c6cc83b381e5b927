import io.serai.imap.api.ImapServer;
import io.serai.imap.api.ImapServerConfig;
import io.serai.imap.api.Limits;
import io.serai.store.api.MailStore;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
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
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Mixed IMAP workload against any IMAP server on host:port (Serai or a baseline such as Dovecot), plus a Serai
 * server mode, so server and load client run in separate JVMs/processes for both.
 *
 * <ul>
 *   <li>{@code serve DIR PORTFILE}: serai-imap over the embedded store in DIR (fsync {@code bench.fsync}, default
 *       ALWAYS, the store's durable default), accounts {@code u0..u<bench.accounts-1>@bench.test} and cold accounts
 *       {@code c0..c<bench.coldAccounts-1>}, all with password {@code bench.password}; writes its port to PORTFILE
 *       and runs until killed.</li>
 *   <li>{@code populate HOST PORT}: APPENDs {@code bench.base} messages to each account's INBOX (not measured).</li>
 *   <li>{@code mixed HOST PORT}: for each client count in {@code bench.clients} (default 10,50): a warm-up of
 *       {@code bench.warmup} s, then {@code bench.rounds} rounds of {@code bench.seconds} s. Client i works on
 *       account u<i>: LOGIN, SELECT INBOX, then a random mix of FETCH (FLAGS ENVELOPE of a 20-message range, or
 *       BODY.PEEK[] of one), STORE +/-FLAGS, APPEND (5-20 KB), SEARCH, STORE +FLAGS (\Deleted) of a message it
 *       appended, EXPUNGE, NOOP, and LOGOUT after {@code bench.perSession} commands. Reports commands/s, protocol
 *       errors (any tagged NO/BAD, untagged BAD/NO or an unexpected BYE) and p50/p99 latency per command.</li>
 *   <li>{@code logins HOST PORT}: 4 threads loop connect, greeting, LOGIN, LOGOUT ({@code bench.loginUser}
 *       prefix u: the same 4 accounts again and again; c: each login on a never-used account).</li>
 * </ul>
 */
public final class ImapMixedBench {

    static final String DOMAIN = "@bench.test";
    static final String PASSWORD = System.getProperty("bench.password", "bench-password");

    enum Op { LOGIN, SELECT, FETCH_ENVELOPE, FETCH_BODY, STORE_SEEN, STORE_UNSEEN, APPEND, SEARCH, STORE_DELETED,
        EXPUNGE, NOOP, LOGOUT }

    /** Weights of the operations inside a session (LOGIN, SELECT and LOGOUT come from the session loop). */
    static final Op[] MIX = mix(Map.of(Op.FETCH_ENVELOPE, 20, Op.FETCH_BODY, 15, Op.STORE_SEEN, 10,
            Op.STORE_UNSEEN, 5, Op.APPEND, 10, Op.SEARCH, 10, Op.STORE_DELETED, 10, Op.EXPUNGE, 5, Op.NOOP, 15));

    public static void main(String[] args) throws Exception {
        try {
            switch (args[0]) {
                case "serve" -> serve(Path.of(args[1]), Path.of(args[2]));
                case "populate" -> populate(address(args));
                case "mixed" -> mixed(address(args));
                case "logins" -> logins(address(args));
                default -> throw new IllegalArgumentException(args[0]);
            }
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1); // the client pools' threads must not keep a failed run alive
        }
        System.exit(0);
    }

    private static InetSocketAddress address(String[] args) {
        return new InetSocketAddress(args[1], Integer.parseInt(args[2]));
    }

    private static Op[] mix(Map<Op, Integer> weights) {
        List<Op> ops = new ArrayList<>();
        for (Op op : Op.values()) {
            for (int i = 0; i < weights.getOrDefault(op, 0); i++) {
                ops.add(op);
            }
        }
        return ops.toArray(Op[]::new);
    }

    // ---------------------------------------------------------------- Serai server

    private static void serve(Path dir, Path portFile) throws Exception {
        int accounts = Integer.getInteger("bench.accounts", 50);
        int cold = Integer.getInteger("bench.coldAccounts", 1200);
        FsyncPolicy fsync = FsyncPolicy.valueOf(System.getProperty("bench.fsync", "ALWAYS"));
        MailStore store = BenchStores.open(dir, fsync);
        store.accounts().addDomain("bench.test");
        for (int i = 0; i < accounts; i++) {
            store.accounts().createAccount("u" + i + DOMAIN, PASSWORD.toCharArray());
            store.mailboxes("u" + i + DOMAIN).open("INBOX");
        }
        for (int i = 0; i < cold; i++) {
            store.accounts().createAccount("c" + i + DOMAIN, PASSWORD.toCharArray());
        }
        // default limits (a session lasts bench.perSession commands, within the pacer's burst), default session threads
        // unless bench.sessionThreads;
        // plaintext LOGIN over loopback for this load test only
        ImapServerConfig.Builder config = ImapServerConfig.builder().bind("127.0.0.1", 0).store(store)
                .allowPlaintextAuth(true).limits(Limits.defaults());
        if (Integer.getInteger("bench.sessionThreads") != null) {
            config.sessionThreads(Integer.getInteger("bench.sessionThreads"));
        }
        ImapServer server = ImapServer.create(config.build());
        server.start().toCompletableFuture().join();
        Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(tmp, Integer.toString(server.localAddress().getPort()));
        Files.move(tmp, portFile);
        System.out.printf("serai: listening on %s, fsync %s, %d + %d accounts%n", server.localAddress(), fsync,
                accounts, cold);
        Thread.currentThread().join(); // until killed
    }

    // ---------------------------------------------------------------- populate

    private static void populate(InetSocketAddress address) throws Exception {
        int accounts = Integer.getInteger("bench.accounts", 50);
        int base = Integer.getInteger("bench.base", 100);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger next = new AtomicInteger();
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            done.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(42);
                for (int a = next.getAndIncrement(); a < accounts; a = next.getAndIncrement()) {
                    try (Client c = new Client(address)) {
                        c.login("u" + a + DOMAIN);
                        for (int i = 0; i < base; i++) {
                            c.append(message(a, i, 5120 + random.nextInt(15 * 1024)));
                            if (c.lastError != null) {
                                throw new IOException("APPEND: " + c.lastError);
                            }
                        }
                        c.expectingBye = true;
                        c.expect("LOGOUT");
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("populate: %d accounts x %d messages (5-20 KB) in %.1f s%n", accounts, base,
                (System.nanoTime() - t0) / 1e9);
    }

    // ---------------------------------------------------------------- mixed

    private static void mixed(InetSocketAddress address) throws Exception {
        int[] clientCounts = Arrays.stream(System.getProperty("bench.clients", "10,50").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int seconds = Integer.getInteger("bench.seconds", 10);
        int rounds = Integer.getInteger("bench.rounds", 3);
        int warmup = Integer.getInteger("bench.warmup", 10);
        String label = System.getProperty("bench.label", address.toString());
        for (int clients : clientCounts) {
            Round w = round(address, clients, warmup);
            System.out.printf("%s mixed %d clients warm-up %d s: %.0f cmds/s, %d errors%n", label, clients, warmup,
                    w.rate(), w.errors);
            double[] rates = new double[rounds];
            Round all = new Round(0, 0);
            for (int r = 0; r < rounds; r++) {
                Round m = round(address, clients, seconds);
                rates[r] = m.rate();
                all.add(m);
                System.out.printf("%s mixed %d clients round %d: %.0f cmds/s, %d errors%s%n", label, clients, r + 1,
                        m.rate(), m.errors, m.firstError == null ? "" : " (first: " + m.firstError + ")");
            }
            double[] sorted = rates.clone();
            Arrays.sort(sorted);
            System.out.printf("%s mixed %d clients: median %.0f cmds/s (min %.0f, max %.0f), %d commands, %d protocol"
                    + " errors%n", label, clients, sorted[rounds / 2], sorted[0], sorted[rounds - 1], all.commands,
                    all.errors);
            StringBuilder lat = new StringBuilder(label + " latency ms p50/p99 (n):");
            for (Op op : Op.values()) {
                Latencies l = all.latencies.get(op);
                if (l != null && l.size > 0) {
                    lat.append(String.format(" %s %.2f/%.2f (%d)", op, l.percentile(50) / 1e6,
                            l.percentile(99) / 1e6, l.size));
                }
            }
            System.out.println(lat);
        }
    }

    private static Round round(InetSocketAddress address, int clients, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        long[] deadline = new long[1];
        List<Future<Round>> results = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int account = i;
            results.add(pool.submit(() -> {
                start.await();
                return new Session(address, "u" + account + DOMAIN, account).run(deadline[0]);
            }));
        }
        long t0 = System.nanoTime();
        deadline[0] = t0 + seconds * 1_000_000_000L;
        start.countDown();
        Round total = new Round(0, 0);
        for (Future<Round> f : results) {
            total.add(f.get());
        }
        total.nanos = System.nanoTime() - t0;
        pool.shutdown();
        return total;
    }

    /** One client's loop on its own account until the deadline. */
    static final class Session {
        private final InetSocketAddress address;
        private final String user;
        private final SplittableRandom random;
        private final int perSession = Integer.getInteger("bench.perSession", 50);
        private final Round result = new Round(0, 0);

        Session(InetSocketAddress address, String user, int seed) {
            this.address = address;
            this.user = user;
            this.random = new SplittableRandom(seed * 7919L + System.nanoTime());
        }

        Round run(long deadline) throws IOException {
            while (System.nanoTime() < deadline) {
                try (Client c = new Client(address)) {
                    timed(c, Op.LOGIN, "LOGIN " + user + " " + PASSWORD);
                    timed(c, Op.SELECT, "SELECT INBOX");
                    int appended = 0; // messages this session appended and not yet marked \Deleted (kept at the end)
                    for (int i = 0; i < perSession && System.nanoTime() < deadline; i++) {
                        int n = c.exists;
                        Op op = n == 0 ? Op.APPEND : MIX[random.nextInt(MIX.length)];
                        switch (op) {
                            case FETCH_ENVELOPE -> {
                                int first = 1 + random.nextInt(Math.max(1, n - 19));
                                timed(c, op, "FETCH " + first + ":" + Math.min(n, first + 19) + " (FLAGS ENVELOPE)");
                            }
                            case FETCH_BODY -> timed(c, op, "FETCH " + (1 + random.nextInt(n)) + " BODY.PEEK[]");
                            case STORE_SEEN -> timed(c, op, "STORE " + (1 + random.nextInt(n)) + " +FLAGS (\\Seen)");
                            case STORE_UNSEEN -> timed(c, op, "STORE " + (1 + random.nextInt(n)) + " -FLAGS (\\Seen)");
                            case APPEND -> {
                                byte[] m = message(0, random.nextInt(1_000_000), 5120 + random.nextInt(15 * 1024));
                                long t = System.nanoTime();
                                c.append(m);
                                record(c, op, t);
                                appended++;
                            }
                            case SEARCH -> timed(c, op, random.nextBoolean() ? "SEARCH UNSEEN"
                                    : "SEARCH FROM sender" + random.nextInt(10) + " SINCE 1-Jan-2020");
                            case STORE_DELETED -> {
                                if (appended > 0) { // the newest message is one this session appended
                                    timed(c, op, "STORE " + n + " +FLAGS.SILENT (\\Deleted)");
                                    appended--;
                                } else {
                                    timed(c, Op.NOOP, "NOOP");
                                }
                            }
                            case EXPUNGE -> timed(c, op, "EXPUNGE");
                            case NOOP -> timed(c, op, "NOOP");
                            default -> throw new IllegalStateException(op.name());
                        }
                    }
                    // leave the mailbox at its base size: this session's appended messages go away
                    if (appended > 0) {
                        timed(c, Op.STORE_DELETED, "STORE " + (c.exists - appended + 1) + ":" + c.exists
                                + " +FLAGS.SILENT (\\Deleted)");
                    }
                    timed(c, Op.EXPUNGE, "EXPUNGE");
                    c.expectingBye = true;
                    timed(c, Op.LOGOUT, "LOGOUT");
                } catch (IOException e) {
                    result.error(e.toString());
                    if (System.nanoTime() >= deadline) {
                        break;
                    }
                }
            }
            return result;
        }

        private void timed(Client c, Op op, String command) throws IOException {
            long t = System.nanoTime();
            c.send(command);
            record(c, op, t);
        }

        private void record(Client c, Op op, long start) {
            result.latencies.computeIfAbsent(op, k -> new Latencies()).add(System.nanoTime() - start);
            result.commands++;
            if (c.lastError != null) {
                result.error(op + ": " + c.lastError);
                c.lastError = null;
            }
        }
    }

    static final class Round {
        long commands;
        long errors;
        long nanos;
        String firstError;
        final Map<Op, Latencies> latencies = new EnumMap<>(Op.class);

        Round(long commands, long errors) {
            this.commands = commands;
            this.errors = errors;
        }

        void error(String what) {
            errors++;
            if (firstError == null) {
                firstError = what;
            }
        }

        void add(Round other) {
            commands += other.commands;
            errors += other.errors;
            if (firstError == null) {
                firstError = other.firstError;
            }
            other.latencies.forEach((op, l) -> latencies.computeIfAbsent(op, k -> new Latencies()).addAll(l));
        }

        double rate() {
            return commands / (nanos / 1e9);
        }
    }

    static final class Latencies {
        long[] values = new long[1024];
        int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        void addAll(Latencies other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }

        long percentile(int p) {
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            return sorted[Math.min(size - 1, (int) Math.ceil(p / 100.0 * size) - 1)];
        }
    }

    // ---------------------------------------------------------------- logins

    private static void logins(InetSocketAddress address) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 5);
        int rounds = Integer.getInteger("bench.rounds", 3);
        String prefix = System.getProperty("bench.loginUser", "u");
        String label = System.getProperty("bench.label", address.toString());
        int threads = 4;
        AtomicInteger nextCold = new AtomicInteger();
        double[] rates = new double[rounds];
        boolean cold = prefix.equals("c"); // each login on a never-used account, until bench.coldAccounts are used
        int coldAccounts = Integer.getInteger("bench.coldAccounts", 1200);
        for (int r = cold ? 0 : -1; r < rounds; r++) { // round -1: warm-up
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long t0 = System.nanoTime();
            long deadline = t0 + seconds * 1_000_000_000L;
            List<Future<Integer>> counts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                counts.add(pool.submit(() -> {
                    int n = 0;
                    while (System.nanoTime() < deadline) {
                        int c0 = cold ? nextCold.getAndIncrement() : 0;
                        if (c0 >= coldAccounts) {
                            break;
                        }
                        String user = cold ? "c" + c0 : prefix + thread;
                        try (Client c = new Client(address)) {
                            c.login(user + DOMAIN);
                            c.expectingBye = true;
                            c.expect("LOGOUT");
                        }
                        n++;
                    }
                    return n;
                }));
            }
            int total = 0;
            for (Future<Integer> f : counts) {
                total += f.get();
            }
            pool.shutdown();
            double rate = total / ((System.nanoTime() - t0) / 1e9);
            if (r >= 0) {
                rates[r] = rate;
                System.out.printf("%s logins (%s*) round %d: %.0f logins/s%n", label, prefix, r + 1, rate);
            }
        }
        Arrays.sort(rates);
        System.out.printf("%s logins (%s*), %d clients: median %.0f logins/s (min %.0f, max %.0f)%n", label, prefix,
                threads, rates[rounds / 2], rates[0], rates[rounds - 1]);
    }

    // ---------------------------------------------------------------- client

    /** A message of about {@code size} octets: a header and 76-character CRLF lines. */
    static byte[] message(int account, int n, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 100);
        out.writeBytes(("From: sender" + (n % 10) + "@bench.test\r\nTo: u" + account + "@bench.test\r\nSubject: message "
                + n + "\r\nDate: Thu, 26 Nov 2026 12:00:00 +0000\r\nMessage-ID: <" + n + "." + account
                + "@bench.test>\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        int i = 0;
        while (out.size() < size) {
            for (int k = 0; k < 76; k++) {
                out.write('a' + (i++ % 26));
            }
            out.write('\r');
            out.write('\n');
        }
        return out.toByteArray();
    }

    /** A blocking client: one write + flush per command; reads and skips literals; tracks EXISTS. */
    static final class Client implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final byte[] sink = new byte[64 * 1024];
        private final StringBuilder line = new StringBuilder();
        private int tags;
        int exists;
        boolean expectingBye;
        String lastError;

        Client(InetSocketAddress address) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(address, 10_000);
            socket.setSoTimeout(60_000);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            String greeting = readLine();
            if (!greeting.startsWith("* OK")) {
                throw new IOException("greeting: " + greeting);
            }
        }

        void login(String user) throws IOException {
            expect("LOGIN " + user + " " + PASSWORD);
        }

        /** Sends a command, fails on anything but a tagged OK. */
        void expect(String command) throws IOException {
            send(command);
            if (lastError != null) {
                throw new IOException(command.split(" ")[0] + ": " + lastError);
            }
        }

        /** Sends a command and reads to its tagged reply; a NO/BAD/unexpected BYE is left in lastError. */
        void send(String command) throws IOException {
            String tag = "t" + (++tags);
            out.write((tag + " " + command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            untilTagged(tag);
        }

        void append(byte[] message) throws IOException {
            String tag = "t" + (++tags);
            out.write((tag + " APPEND INBOX {" + message.length + "}\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String cont = readLine();
            if (!cont.startsWith("+")) {
                lastError = "no continuation: " + cont;
                if (!cont.startsWith(tag + " ")) {
                    untilTagged(tag);
                }
                return;
            }
            out.write(message);
            out.write('\r');
            out.write('\n');
            out.flush();
            untilTagged(tag);
        }

        private void untilTagged(String tag) throws IOException {
            while (true) {
                String l = readLine();
                if (l.startsWith(tag + " ")) {
                    if (!l.startsWith(tag + " OK")) {
                        lastError = l;
                    }
                    return;
                }
                if (l.startsWith("* ")) {
                    untagged(l);
                }
                if (l.endsWith("}")) {
                    int open = l.lastIndexOf('{');
                    String digits = l.substring(open + 1, l.length() - 1);
                    if (digits.endsWith("+")) {
                        digits = digits.substring(0, digits.length() - 1);
                    }
                    skip(Long.parseLong(digits));
                    // the rest of the FETCH response after the literal may hold more literals (ENVELOPE strings)
                    String rest = readLine();
                    while (rest.endsWith("}")) {
                        int o = rest.lastIndexOf('{');
                        skip(Long.parseLong(rest.substring(o + 1, rest.length() - 1)));
                        rest = readLine();
                    }
                }
            }
        }

        private void untagged(String l) {
            if (l.endsWith(" EXISTS")) {
                exists = Integer.parseInt(l.substring(2, l.length() - 7));
            } else if (l.endsWith(" EXPUNGE") && Character.isDigit(l.charAt(2))) {
                exists--;
            } else if (l.startsWith("* BAD") || l.startsWith("* NO") || (l.startsWith("* BYE") && !expectingBye)) {
                lastError = l;
            }
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                int r = in.read(sink, 0, (int) Math.min(n, sink.length));
                if (r < 0) {
                    throw new IOException("closed in a literal");
                }
                n -= r;
            }
        }

        private String readLine() throws IOException {
            line.setLength(0);
            while (true) {
                int c = in.read();
                if (c < 0) {
                    throw new IOException("closed by server after: " + line);
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
