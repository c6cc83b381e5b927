package io.serai.bench.pop3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * POP3 load benchmark (issue #5). {@code serai <result file>} / {@code greenmail <result file>} start that server
 * in this JVM, fill it, verify one maildrop byte for byte, then load it with {@link Pop3Client} threads and write
 * the numbers to the result file; {@code summary <serai file> <greenmail file>} prints the table.
 */
public final class Pop3Bench {
    static final int SIZE = Integer.getInteger("bench.size", 10_240);
    static final int MESSAGES = Integer.getInteger("bench.messages", 1_000);
    static final int MAX_CLIENTS = 8;
    static final int LOGIN_CLIENTS = 4;
    static final int COLD_ACCOUNTS = Integer.getInteger("bench.coldAccounts", 1_200);
    static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "5"));
    static final int ITERATIONS = Integer.getInteger("bench.iterations", 3);
    static final double WARMUP = Double.parseDouble(System.getProperty("bench.warmup", "6"));

    private Pop3Bench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args.length > 0 ? args[0] : "") {
            case "serai", "greenmail" -> run(args[0], Paths.get(args[1]), null);
            // a server this JVM did not start (Dovecot), at HOST PORT, already holding the messages of "maildir"
            case "external" -> run(args[1], Paths.get(args[2]),
                    Targets.external(new InetSocketAddress(args[3], Integer.parseInt(args[4])), args[5]));
            case "maildir" -> Targets.maildir(Paths.get(args[1]), spec());
            case "summary" -> {
                List<Properties> baselines = new ArrayList<>();
                for (int i = 2; i < args.length; i++) {
                    baselines.add(load(Paths.get(args[i])));
                }
                Summary.print(load(Paths.get(args[1])), baselines);
            }
            default -> {
                System.err.println("usage: serai|greenmail <result file>  |  external <label> <result file> <host> <port> "
                        + "<description>  |  maildir <root>  |  summary <serai file> <baseline file>...");
                System.exit(2);
            }
        }
    }

    static Properties load(Path p) throws IOException {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(p)) {
            props.load(in);
        }
        return props;
    }

    private static Targets.Spec spec() {
        return new Targets.Spec(MAX_CLIENTS, MESSAGES, SIZE, LOGIN_CLIENTS, COLD_ACCOUNTS);
    }

    private static void run(String which, Path resultFile, Targets.Target external) throws Exception {
        Targets.Spec spec = spec();
        Properties out = new Properties();
        long t0 = System.nanoTime();
        Targets.Target target;
        if (external != null) {
            target = external;
        } else if (which.equals("serai")) {
            String dir = System.getProperty("serai.bench.dir");
            if (dir == null) {
                throw new IllegalStateException("-Dserai.bench.dir=<temp dir> is required");
            }
            target = Targets.serai(Files.createDirectories(Paths.get(dir).resolve("store")), spec);
        } else {
            target = Targets.greenMail(spec);
        }
        try (target) {
            log("%s: %s on %s, filled in %.1f s (%d accounts x %d x %d B, %d empty login accounts)", which,
                    target.describe(), target.address(), (System.nanoTime() - t0) / 1e9, MAX_CLIENTS, MESSAGES, SIZE,
                    LOGIN_CLIENTS + COLD_ACCOUNTS);
            out.setProperty("server", target.describe());
            out.setProperty("label", which);
            verify(target.address(), out);

            retrPhase("warmup", target.address(), MAX_CLIENTS, WARMUP, false);
            retrPhase("warmup-qa", target.address(), MAX_CLIENTS, WARMUP / 2, true);
            String[] keys = {"retr1", "retr1qa", "retr8", "retr8qa", "login4", "login4qa"};
            List<List<double[]>> runs = new ArrayList<>();
            for (int k = 0; k < keys.length; k++) {
                runs.add(new ArrayList<>());
            }
            for (int it = 0; it < ITERATIONS; it++) { // interleaved, so drifting load hits every measurement alike
                String n = " #" + (it + 1);
                runs.get(0).add(retrPhase("retr-1" + n, target.address(), 1, SECONDS, false));
                runs.get(1).add(retrPhase("retr-1-qa" + n, target.address(), 1, SECONDS, true));
                runs.get(2).add(retrPhase("retr-8" + n, target.address(), MAX_CLIENTS, SECONDS, false));
                runs.get(3).add(retrPhase("retr-8-qa" + n, target.address(), MAX_CLIENTS, SECONDS, true));
                runs.get(4).add(loginPhase("login-4" + n, target.address(), SECONDS, false));
                runs.get(5).add(loginPhase("login-4-qa" + n, target.address(), SECONDS, true));
            }
            double[] cold = coldLoginPhase(target.address());
            for (int k = 0; k < keys.length; k++) {
                put(out, keys[k], runs.get(k));
            }
            out.setProperty("cold4.rate", Double.toString(cold[0]));
            out.setProperty("cold4.count", Long.toString((long) cold[1]));
        }
        out.setProperty("errors", Long.toString(ERRORS.get()));
        out.setProperty("octetMismatches", Long.toString(OCTET_MISMATCHES.get()));
        out.setProperty("statMismatches", Long.toString(STAT_MISMATCHES.get()));
        out.setProperty("retrChecked", Long.toString(RETR_CHECKED.get()));
        StringBuilder samples = new StringBuilder();
        for (String s : ERROR_SAMPLES) {
            samples.append(s).append(" | ");
        }
        out.setProperty("errorSamples", samples.toString());
        try (OutputStream os = Files.newOutputStream(resultFile)) {
            out.store(os, which);
        }
        log("%s: done, %d RETRs checked, %d octet mismatches, %d STAT mismatches, %d protocol errors", which,
                RETR_CHECKED.get(), OCTET_MISMATCHES.get(), STAT_MISMATCHES.get(), ERRORS.get());
    }

    static final AtomicLong ERRORS = new AtomicLong();
    static final AtomicLong OCTET_MISMATCHES = new AtomicLong();
    static final AtomicLong STAT_MISMATCHES = new AtomicLong();
    static final AtomicLong RETR_CHECKED = new AtomicLong();
    static final ConcurrentLinkedQueue<String> ERROR_SAMPLES = new ConcurrentLinkedQueue<>();

    /** A reply that was well-formed but did not match what was stored (octet count, STAT total). */
    static void mismatch(AtomicLong counter, String what) {
        if (counter.incrementAndGet() <= 3) {
            log("MISMATCH %s", what);
        }
    }

    /** A protocol error: -ERR, malformed reply, I/O failure. */
    static void error(String what) {
        if (ERRORS.incrementAndGet() <= 5) {
            ERROR_SAMPLES.add(what);
            log("ERROR %s", what);
        }
    }

    /** One session on u0: STAT, LIST and every RETR compared byte for byte with what was stored. */
    private static void verify(InetSocketAddress address, Properties out) throws IOException {
        long mismatched = 0;
        long listMismatch = 0;
        try (Pop3Client c = new Pop3Client(address, false)) {
            c.login(Targets.account("u0"), Targets.PASSWORD);
            long[] stat = c.stat();
            if (stat[0] != MESSAGES || stat[1] != (long) MESSAGES * SIZE) {
                mismatch(STAT_MISMATCHES, "u0 STAT " + Arrays.toString(stat) + ", stored " + MESSAGES + " x " + SIZE);
            }
            long[] sizes = c.list((int) stat[0]);
            ByteArrayOutputStream capture = new ByteArrayOutputStream(SIZE * 2);
            for (int i = 0; i < MESSAGES; i++) {
                if (sizes[i] != SIZE) {
                    listMismatch++;
                }
                capture.reset();
                long octets = c.retr(i + 1, capture);
                byte[] stored = Messages.message(SIZE, 0, i);
                byte[] got = capture.toByteArray();
                if (octets != SIZE || !Arrays.equals(got, stored)) {
                    if (mismatched++ == 0) {
                        int d = Arrays.mismatch(got, stored);
                        log("verify: message %d: %d octets, stored %d; first difference at %d: got [%s], stored [%s]",
                                i + 1, octets, SIZE, d, snippet(got, d), snippet(stored, d));
                    }
                }
            }
            c.quit();
        }
        out.setProperty("verify.contentMismatches", Long.toString(mismatched));
        out.setProperty("verify.listMismatches", Long.toString(listMismatch));
        log("verify: u0, %d messages RETRed and compared byte for byte: %d differ, %d LIST sizes differ", MESSAGES,
                mismatched, listMismatch);

    }

    /**
     * {@code clients} threads, thread i on account u&lt;i&gt;, each looping sessions (USER, PASS, STAT, RETR 1..n,
     * QUIT without DELE) until the deadline; every RETR's octets are checked against the stored size. Session
     * setup and teardown are inside the measured time. Returns {msg/s, MB/s, sessions}.
     */
    private static double[] retrPhase(String name, InetSocketAddress address, int clients, double seconds,
            boolean quickAck) throws InterruptedException {
        AtomicLong msgs = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong sessions = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long[] end = new long[clients];
        long[] begin = new long[1];
        for (int t = 0; t < clients; t++) {
            int id = t;
            Thread th = new Thread(() -> {
                String user = Targets.account("u" + id);
                long m = 0;
                long b = 0;
                long s = 0;
                try {
                    start.await();
                    long deadline = begin[0] + (long) (seconds * 1e9);
                    while (System.nanoTime() < deadline) {
                        try (Pop3Client c = new Pop3Client(address, quickAck)) {
                            c.login(user, Targets.PASSWORD);
                            long[] stat = c.stat();
                            if (stat[1] != (long) MESSAGES * SIZE) {
                                mismatch(STAT_MISMATCHES, user + " STAT " + Arrays.toString(stat) + ", stored "
                                        + MESSAGES + " x " + SIZE);
                            }
                            if (stat[0] != MESSAGES) {
                                error(user + " STAT " + Arrays.toString(stat) + ": wrong message count");
                            }
                            for (int i = 1; i <= stat[0] && System.nanoTime() < deadline; i++) {
                                long octets = c.retr(i, null);
                                RETR_CHECKED.incrementAndGet();
                                if (octets != SIZE) {
                                    mismatch(OCTET_MISMATCHES, user + " RETR " + i + ": " + octets
                                            + " octets, stored " + SIZE);
                                }
                                m++;
                                b += octets;
                            }
                            c.quit();
                            s++;
                        } catch (IOException e) {
                            error(user + ": " + e);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                end[id] = System.nanoTime();
                msgs.addAndGet(m);
                bytes.addAndGet(b);
                sessions.addAndGet(s);
            }, "client-" + t);
            threads.add(th);
            th.start();
        }
        begin[0] = System.nanoTime();
        start.countDown();
        for (Thread th : threads) {
            th.join();
        }
        double elapsed = (Arrays.stream(end).max().orElse(begin[0]) - begin[0]) / 1e9;
        double rate = msgs.get() / elapsed;
        double mbs = bytes.get() / elapsed / 1e6;
        log("%-14s %d client(s): %,d messages, %,.1f MB in %.2f s = %,.0f msg/s, %,.1f MB/s (%d full sessions)", name,
                clients, msgs.get(), bytes.get() / 1e6, elapsed, rate, mbs, sessions.get());
        return new double[] {rate, mbs, sessions.get()};
    }

    /** 4 threads, each on its own empty account w&lt;i&gt;: connect, USER, PASS, QUIT, close; until the deadline. */
    private static double[] loginPhase(String name, InetSocketAddress address, double seconds, boolean quickAck)
            throws InterruptedException {
        AtomicLong count = new AtomicLong();
        long begin = System.nanoTime();
        long deadline = begin + (long) (seconds * 1e9);
        long[] end = new long[LOGIN_CLIENTS];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < LOGIN_CLIENTS; t++) {
            int id = t;
            Thread th = new Thread(() -> {
                String user = Targets.account("w" + id);
                long n = 0;
                while (System.nanoTime() < deadline) {
                    if (login(address, user, quickAck)) {
                        n++;
                    }
                }
                end[id] = System.nanoTime();
                count.addAndGet(n);
            }, "login-" + t);
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        double elapsed = (Arrays.stream(end).max().orElse(begin) - begin) / 1e9;
        double rate = count.get() / elapsed;
        log("%-14s %d clients: %,d logins in %.2f s = %,.0f logins/s", name, LOGIN_CLIENTS, count.get(), elapsed,
                rate);
        return new double[] {rate, count.get()};
    }

    /**
     * 4 threads share the COLD_ACCOUNTS accounts c&lt;i&gt; that have never logged in: every login is a first
     * login, so Serai has to run PBKDF2 (its verified-password cache is empty for them). Returns {logins/s, count}.
     */
    private static double[] coldLoginPhase(InetSocketAddress address) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicLong count = new AtomicLong();
        long begin = System.nanoTime();
        long[] end = new long[LOGIN_CLIENTS];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < LOGIN_CLIENTS; t++) {
            int id = t;
            Thread th = new Thread(() -> {
                long n = 0;
                for (int i = next.getAndIncrement(); i < COLD_ACCOUNTS; i = next.getAndIncrement()) {
                    if (login(address, Targets.account("c" + i), false)) {
                        n++;
                    }
                }
                end[id] = System.nanoTime();
                count.addAndGet(n);
            }, "cold-" + t);
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        double elapsed = (Arrays.stream(end).max().orElse(begin) - begin) / 1e9;
        double rate = count.get() / elapsed;
        log("%-14s %d clients: %,d first logins in %.2f s = %,.0f logins/s", "login-4-cold", LOGIN_CLIENTS,
                count.get(), elapsed, rate);
        return new double[] {rate, count.get()};
    }

    private static boolean login(InetSocketAddress address, String user, boolean quickAck) {
        try (Pop3Client c = new Pop3Client(address, quickAck)) {
            c.login(user, Targets.PASSWORD);
            c.quit();
            return true;
        } catch (IOException e) {
            error("login " + user + ": " + e);
            return false;
        }
    }

    private static String snippet(byte[] b, int at) {
        int from = Math.max(0, at - 30);
        int to = Math.min(b.length, at + 30);
        return new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("\r", "\\r").replace("\n", "\\n");
    }

    private static void put(Properties out, String key, List<double[]> runs) {
        StringBuilder rates = new StringBuilder();
        StringBuilder mbs = new StringBuilder();
        for (double[] r : runs) {
            rates.append(rates.length() == 0 ? "" : ",").append(r[0]);
            mbs.append(mbs.length() == 0 ? "" : ",").append(r[1]);
        }
        out.setProperty(key + ".rates", rates.toString());
        out.setProperty(key + ".second", mbs.toString());
    }

    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "# " + format + "%n", args);
        System.out.flush();
    }
}
