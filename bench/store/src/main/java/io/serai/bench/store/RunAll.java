package io.serai.bench.store;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every store benchmark with short, bounded JMH settings (1 fork, 2 warmup + 5 measurement iterations of
 * 3 s by default), then {@link HeapLoad} in its own JVM, and prints one summary table with the ratios to the
 * baselines measured in the same run.
 * <p>
 * System properties: {@code serai.bench.dir} (required, a temp dir), {@code bench.include} (JMH regex, default
 * all), {@code bench.warmupIterations}, {@code bench.iterations}, {@code bench.seconds}, {@code bench.heap}
 * (false skips the heap load).
 */
public final class RunAll {
    private final Map<String, RunResult> results = new HashMap<>();
    private final Map<String, Double> heap = new TreeMap<>();

    public static void main(String[] args) throws Exception {
        new RunAll().run();
    }

    private void run() throws Exception {
        String dir = Fixtures.baseDir().toString();
        int warmups = Integer.getInteger("bench.warmupIterations", 2);
        int iterations = Integer.getInteger("bench.iterations", 5);
        int seconds = Integer.getInteger("bench.seconds", 3);
        ChainedOptionsBuilder opts = new OptionsBuilder()
                .include(System.getProperty("bench.include", "io\\.serai\\.bench\\.store\\..*"))
                .forks(1)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(seconds))
                .addProfiler(GCProfiler.class)
                .jvmArgsAppend("-Dserai.bench.dir=" + dir, "-Xmx2g")
                .shouldFailOnError(true);
        Collection<RunResult> run = new Runner(opts.build()).run();
        for (RunResult r : run) {
            results.put(key(r), r);
        }
        if (Boolean.parseBoolean(System.getProperty("bench.heap", "true"))) {
            runHeapLoad(dir);
        }
        printSummary();
    }

    private static String key(RunResult r) {
        String name = r.getParams().getBenchmark();
        name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
        StringBuilder params = new StringBuilder();
        for (String k : r.getParams().getParamsKeys()) {
            params.append(params.length() == 0 ? "[" : ",").append(k).append('=').append(r.getParams().getParam(k));
        }
        return params.length() == 0 ? name : name + params + "]";
    }

    private void runHeapLoad(String dir) throws Exception {
        System.out.println("# HeapLoad: 1,000,000 messages across 1,000 mailboxes, fsync NEVER");
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(java, "-Xmx3g", "-Dserai.bench.dir=" + dir,
                "-cp", System.getProperty("java.class.path"), HeapLoad.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                System.out.println(line);
                if (line.startsWith("RESULT ")) {
                    String[] f = line.split(" ");
                    heap.put(f[1], Double.parseDouble(f[2]));
                }
            }
        }
        int rc = p.waitFor();
        if (rc != 0) {
            System.out.println("# HeapLoad failed with exit code " + rc);
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private Double score(String key) {
        RunResult r = results.get(key);
        return r == null ? null : r.getPrimaryResult().getScore();
    }

    private Double p99(String key) {
        RunResult r = results.get(key);
        return r == null ? null : r.getPrimaryResult().getStatistics().getPercentile(99.0);
    }

    private Double allocPerOp(String key) {
        RunResult r = results.get(key);
        if (r == null) {
            return null;
        }
        Result<?> a = r.getSecondaryResults().get("gc.alloc.rate.norm");
        return a == null ? null : a.getScore();
    }

    private static String num(Double v, String fmt) {
        return v == null || v.isNaN() ? "n/a" : String.format(Locale.ROOT, fmt, v);
    }

    private static String ratio(Double a, Double b) {
        if (a == null || b == null || b == 0) {
            return "n/a";
        }
        double r = a / b;
        return String.format(Locale.ROOT, Math.abs(r) >= 0.01 ? "%.2f×" : "%.1e×", r);
    }

    private static String meets(Double value, double limit, boolean atLeast) {
        if (value == null) {
            return "n/a";
        }
        return (atLeast ? value >= limit : value < limit) ? "yes" : "**no**";
    }

    private static Double minus(Double a, Double b) {
        return a == null || b == null ? null : a - b;
    }

    private static Double times(Double a, double f) {
        return a == null ? null : a * f;
    }

    private final List<String[]> rows = new ArrayList<>();

    private void row(String... cells) {
        rows.add(cells);
    }

    private void printSummary() {
        // appends
        Double a1 = score("AppendBench.append1Writer[fsync=ALWAYS]");
        Double a8 = score("AppendBench.append8Writers[fsync=ALWAYS]");
        Double n1 = score("AppendBench.append1Writer[fsync=NEVER]");
        Double n8 = score("AppendBench.append8Writers[fsync=NEVER]");
        Double r1 = score("DiskBaseline.rawAppend1Writer");
        Double r8 = score("DiskBaseline.rawAppend8Writers");
        row("Append 10 KB, 1 writer, fsync ALWAYS", num(a1, "%,.0f msg/s"),
                "raw 10 KB write+fdatasync, 1 thread: " + num(r1, "%,.0f/s"), ratio(a1, r1), "–", "–");
        row("Append 10 KB, 8 writers, fsync ALWAYS", num(a8, "%,.0f msg/s"),
                "raw, 8 threads, 8 files: " + num(r8, "%,.0f/s"), ratio(a8, r8), "≥ 3,000 msg/s",
                meets(a8, 3000, true));
        row("  group commit: 8 writers vs raw 1 thread", num(a8, "%,.0f msg/s"),
                "raw 1 thread: " + num(r1, "%,.0f/s"), ratio(a8, r1), "–", "–");
        row("  same, fsync NEVER (store CPU only), 1 / 8 writers", num(n1, "%,.0f") + " / " + num(n8, "%,.0f msg/s"),
                "fsync ALWAYS: " + num(a1, "%,.0f") + " / " + num(a8, "%,.0f msg/s"),
                ratio(a1, n1) + " / " + ratio(a8, n8), "–", "–");

        // open
        String[][] opens = {
                {"MailboxOpenBench.openInfo", "Open 100k mailbox: open + info()"},
                {"MailboxOpenBench.openInfoUids", "Open 100k mailbox: + uids()"},
                {"MailboxOpenBench.openInfoMessages", "Open 100k mailbox: + messages() (flags)"}};
        for (String[] o : opens) {
            Double mean = score(o[0]);
            row(o[1], num(mean, "%,.1f µs") + " (p99 " + num(p99(o[0]), "%,.1f µs") + ", "
                            + num(allocPerOp(o[0]), "%,.0f") + " B alloc/op)",
                    "target 50 ms", ratio(mean, 50_000.0) + " of target", "< 50 ms", meets(mean, 50_000, false));
        }

        // flag change
        Double fNever = score("FlagChangeBench.toggleFlag[fsync=NEVER]");
        Double fAlways = score("FlagChangeBench.toggleFlag[fsync=ALWAYS]");
        Double rawRec = score("DiskBaseline.rawRecordFsync");
        row("Flag change, 1 msg of 100k, fsync NEVER", num(fNever, "%,.1f µs")
                        + " (p99 " + num(p99("FlagChangeBench.toggleFlag[fsync=NEVER]"), "%,.1f µs") + ")",
                "target 1 ms", ratio(fNever, 1000.0) + " of target", "< 1 ms", meets(fNever, 1000, false));
        row("Flag change, 1 msg of 100k, fsync ALWAYS", num(fAlways, "%,.1f µs")
                        + " (p99 " + num(p99("FlagChangeBench.toggleFlag[fsync=ALWAYS]"), "%,.1f µs") + ")",
                "raw 128 B write+fdatasync: " + num(rawRec, "%,.1f µs") + " (p99 "
                        + num(p99("DiskBaseline.rawRecordFsync"), "%,.1f µs") + ")",
                ratio(fAlways, rawRec) + "; store share " + num(minus(fAlways, rawRec), "%,.1f µs"),
                "< 1 ms + fsync", meets(minus(fAlways, rawRec), 1000, false));

        // reads
        for (String size : new String[] {"10240", "1048576"}) {
            double bytes = Double.parseDouble(size);
            String label = size.equals("10240") ? "10 KB" : "1 MB";
            String base = "ReadBench.baselineReadAllBytes[size=" + size + "]";
            Double baseMBs = times(score(base), bytes / 1e6);
            String baseCell = "Files.readAllBytes + write: " + num(baseMBs, "%,.0f MB/s") + " ("
                    + num(allocPerOp(base), "%,.0f") + " B alloc/op)";
            for (String kind : new String[] {"region", "stream"}) {
                String k = "ReadBench." + kind + "[size=" + size + "]";
                Double mbs = times(score(k), bytes / 1e6);
                row("Read " + label + " → socket via " + (kind.equals("region") ? "openRegion() + transferTo" : "openStream()"),
                        num(mbs, "%,.0f MB/s") + " (" + num(score(k), "%,.0f") + " msg/s, "
                                + num(allocPerOp(k), "%,.0f") + " B alloc/op)",
                        baseCell, ratio(mbs, baseMBs), "report", "–");
            }
        }

        // heap
        Double msgs = heap.get("heap.messages");
        Double before = heap.get("heap.before.bytes");
        Double fill = minus(heap.get("heap.afterFill.bytes"), before);
        Double reopen = minus(heap.get("heap.afterReopen.bytes"), before);
        String perMsg = msgs == null || fill == null ? "n/a" : String.format(Locale.ROOT, "%.0f B/msg", fill / msgs);
        String perMsgReopen = msgs == null || reopen == null ? "n/a"
                : String.format(Locale.ROOT, "%.0f B/msg", reopen / msgs);
        row("Heap, 1M messages / 1,000 mailboxes, after fill", num(times(fill, 1 / 1048576.0), "%,.1f MB") + " (" + perMsg
                        + "; fill " + num(heap.get("heap.fill.seconds"), "%.1f s") + ")",
                "target 300 MB", ratio(fill, 300.0 * 1048576) + " of target", "< 300 MB",
                meets(fill, 300.0 * 1048576, false));
        row("Heap, same store after close + reopen", num(times(reopen, 1 / 1048576.0), "%,.1f MB") + " (" + perMsgReopen
                        + "; reopen " + num(heap.get("heap.reopen.seconds"), "%.2f s") + ")",
                "target 300 MB", ratio(reopen, 300.0 * 1048576) + " of target", "< 300 MB",
                meets(reopen, 300.0 * 1048576, false));

        System.out.println();
        System.out.println("## Summary (ratios against baselines measured in this run)");
        System.out.println();
        System.out.println("| Measurement | Result | Baseline (same run) | Ratio | Target | Meets |");
        System.out.println("|---|---|---|---|---|---|");
        for (String[] r : rows) {
            System.out.println("| " + String.join(" | ", r) + " |");
        }
        System.out.println();
        System.out.println("Raw JMH scores (mean ± 99.9% CI; min–max over measurement iterations, or over samples for"
                + " sample-time benchmarks):");
        new TreeMap<>(results).forEach((k, r) -> System.out.printf(Locale.ROOT, "  %-46s %,12.2f ± %,10.2f %-6s (%,.2f–%,.2f)%n",
                k, r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError(),
                r.getPrimaryResult().getScoreUnit(), r.getPrimaryResult().getStatistics().getMin(),
                r.getPrimaryResult().getStatistics().getMax()));
    }
}
