package io.serai.bench.imap;

import io.serai.imap.api.ImapServer;
import io.serai.imap.api.ImapServerConfig;
import io.serai.imap.api.Limits;
import io.serai.store.api.MailStore;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * IMAP benchmarks of the serai-imap library over the embedded store (passwords stored as SCRAM-SHA-256, PBKDF2
 * 4096 iterations, so each LOGIN costs one PBKDF2 derivation):
 * <ul>
 *   <li>{@code logins DIR}: 4 client threads loop connect, greeting, LOGIN, LOGOUT for {@code bench.seconds},
 *       {@code bench.iterations} times; prints logins/s per iteration and the median.</li>
 *   <li>{@code idle-server DIR PORTFILE N}: a server for the idle check; once {@code N} sessions are open and
 *       {@code DIR/clients-ready} exists it runs a full GC, prints the heap used before and after and exits.</li>
 *   <li>{@code idle-client PORTFILE N DIR}: opens {@code N} connections, each LOGIN + SELECT INBOX, keeps them
 *       open, writes {@code DIR/clients-ready} and waits for the server to exit.</li>
 * </ul>
 */
public final class ImapBench {

    static final String PASSWORD = "bench-password";
    static final int IDLE_ACCOUNTS = 500;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "logins" -> logins(Path.of(args[1]));
            case "idle-server" -> idleServer(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
            case "idle-client" -> idleClient(Path.of(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static MailStore store(Path dir, int accounts) throws Exception {
        MailStore store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir).withFsync(FsyncPolicy.ALWAYS));
        store.accounts().addDomain("bench.test");
        for (int i = 0; i < accounts; i++) {
            store.accounts().createAccount("u" + i + "@bench.test", PASSWORD.toCharArray());
            store.mailboxes("u" + i + "@bench.test").open("INBOX"); // create it now, not at the first SELECT
        }
        return store;
    }

    private static ImapServer server(MailStore store, Limits limits) {
        // plaintext LOGIN over loopback for this load test only; the default refuses it without TLS
        ImapServer server = ImapServer.create(ImapServerConfig.builder().bind("127.0.0.1", 0).store(store)
                .allowPlaintextAuth(true).limits(limits).build());
        server.start().toCompletableFuture().join();
        return server;
    }

    private static void logins(Path dir) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 5);
        int iterations = Integer.getInteger("bench.iterations", 3);
        int threads = 4;
        int cold = Integer.getInteger("bench.coldAccounts", 1200);
        try (MailStore store = store(dir, threads); ImapServer server = server(store, Limits.defaults())) {
            for (int i = 0; i < cold; i++) {
                store.accounts().createAccount("c" + i + "@bench.test", PASSWORD.toCharArray());
            }
            InetSocketAddress address = server.localAddress();
            loginLoop(address, threads, Integer.getInteger("bench.warmup", 5)); // JIT warm-up, not reported
            double[] rates = new double[iterations];
            for (int i = 0; i < iterations; i++) {
                rates[i] = loginLoop(address, threads, seconds);
                System.out.printf("logins, %d clients, iteration %d: %.0f logins/s%n", threads, i + 1, rates[i]);
            }
            Arrays.sort(rates);
            System.out.printf("logins, %d clients, median of %d x %d s: %.0f logins/s (same 4 accounts again and"
                    + " again: the store's verified-password cache answers, no PBKDF2)%n", threads, iterations, seconds,
                    rates[iterations / 2]);
            System.out.printf("first logins, %d clients, %d never-used accounts (one PBKDF2-4096 each): %.0f logins/s%n",
                    threads, cold, coldLogins(address, threads, cold));
        }
    }

    /** Each thread on its own account: connect, greeting, LOGIN, LOGOUT, close, until the deadline. */
    private static double loginLoop(InetSocketAddress address, int threads, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(seconds).toNanos();
        List<Future<Integer>> counts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String user = "u" + t + "@bench.test";
            counts.add(pool.submit(() -> {
                int n = 0;
                while (System.nanoTime() < deadline) {
                    try (LineSocket imap = new LineSocket(address)) {
                        imap.line();
                        imap.ok("a", "LOGIN " + user + " " + PASSWORD);
                        imap.ok("b", "LOGOUT");
                    }
                    n++;
                }
                return n;
            }));
        }
        int total = 0;
        for (Future<Integer> c : counts) {
            total += c.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return total / elapsed;
    }

    /** Each account logs in once: every LOGIN costs a full PBKDF2 derivation on the server. */
    private static double coldLogins(InetSocketAddress address, int threads, int accounts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < accounts; i = next.getAndIncrement()) {
                    try (LineSocket imap = new LineSocket(address)) {
                        imap.line();
                        imap.ok("a", "LOGIN c" + i + "@bench.test " + PASSWORD);
                        imap.ok("b", "LOGOUT");
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        return accounts / ((System.nanoTime() - start) / 1e9);
    }

    private static void idleServer(Path dir, Path portFile, int connections) throws Exception {
        Limits limits = Limits.defaults().withConnections(connections + 100, connections + 100, 100);
        try (MailStore store = store(dir.resolve("store"), IDLE_ACCOUNTS); ImapServer server = server(store, limits)) {
            MemoryUsage before = heapAfterGc();
            Files.writeString(portFile, Integer.toString(server.localAddress().getPort()));
            // the client writes this file once every connection has answered LOGIN and SELECT
            awaitFile(dir.resolve("clients-ready"), Duration.ofMinutes(10));
            if (server.openConnections() < connections) {
                throw new IllegalStateException("only " + server.openConnections() + " connections");
            }
            MemoryUsage after = heapAfterGc();
            long delta = after.getUsed() - before.getUsed();
            System.out.printf("idle: %d authenticated connections with INBOX selected, open %d%n", connections,
                    server.openConnections());
            System.out.printf("idle: heap used after full GC: before %.1f MiB, with connections %.1f MiB%n",
                    before.getUsed() / 1048576.0, after.getUsed() / 1048576.0);
            System.out.printf("idle: %.1f KiB per connection (heap delta %.1f MiB)%n", delta / 1024.0 / connections,
                    delta / 1048576.0);
            Files.writeString(dir.resolve("server-done"), "done");
        }
    }

    /**
     * Waits for the other process to create {@code file}, woken by the file system's events rather than polling; the
     * files are a few bytes written at once, so a non-empty file is complete.
     */
    private static void awaitFile(Path file, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        try (java.nio.file.WatchService watch = file.getFileSystem().newWatchService()) {
            file.getParent().register(watch, java.nio.file.StandardWatchEventKinds.ENTRY_CREATE,
                    java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY);
            while (!(Files.exists(file) && Files.size(file) > 0)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("no " + file + " after " + limit);
                }
                java.nio.file.WatchKey key = watch.poll(left, java.util.concurrent.TimeUnit.NANOSECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
        }
    }

    private static MemoryUsage heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    }

    private static void idleClient(Path portFile, int connections, Path dir) throws Exception {
        awaitFile(portFile, Duration.ofMinutes(2));
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", Integer.parseInt(Files.readString(portFile).trim()));
        List<LineSocket> open = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < connections; i = next.getAndIncrement()) {
                    LineSocket imap = new LineSocket(address);
                    imap.line();
                    imap.ok("a", "LOGIN u" + (i % IDLE_ACCOUNTS) + "@bench.test " + PASSWORD);
                    imap.ok("b", "SELECT INBOX");
                    open.add(imap);
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        System.out.printf("idle-client: %d connections logged in and selected in %.1f s%n", open.size(),
                (System.nanoTime() - start) / 1e9);
        Files.writeString(dir.resolve("clients-ready"), "ready");
        awaitFile(dir.resolve("server-done"), Duration.ofMinutes(10));
        for (LineSocket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // the server is going away
            }
        }
    }
}
