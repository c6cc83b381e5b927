package io.serai.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A seeded mutation fuzzer for the protocol parsers (Jazzer is not in the offline Maven mirror). Each input is
 * made from its own {@code Random(seed, iteration)}, so one failing input replays alone with
 * {@code -Dfuzz.seed=S -Dfuzz.only=I}. {@code -Dfuzz.iterations=N} sets the budget of every fuzzer (CI runs the
 * small default of each test); see docs/FUZZING.md.
 *
 * <p>Lives in the test-support module {@code serai-fuzz}, a test-scope dependency of each module with fuzzers.
 */
public final class FuzzInputs {

    /** What a fuzz target does with one input; it catches the parser's declared error itself. */
    @FunctionalInterface
    public interface Target {
        void accept(byte[] input, Random random) throws Exception;
    }

    public static final long SEED = Long.getLong("fuzz.seed", 20261206L);
    private static final Integer ONLY = Integer.getInteger("fuzz.only");
    private static final int BATCH = 2_000;
    private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(20);
    private static final int MAX_LENGTH = 1 << 16;

    private static final byte[] SPECIALS = bytes("\r\n\0\u0080\u00ff{}\"\\() <>[]*%=.:@+~,;-/\t");
    private static final String[] TOKENS = {
        "\r\n", "{99999999999999999999}", "99999999999999999999", "18446744073709551616", "4294967296",
        "2147483648", "-1", "0", "{0}\r\n", "{5+}\r\n", "~{3}\r\n", "\"", "\\\"", "()", "((((((((", "NIL", "=?",
        "=\r\n", "--", "\r\n.\r\n", "\r\n\r\n", "\u00e9", "\u00c3\u00a9", "&", "&-", "&AGE-", "*", "%", "1:*",
    };

    private final List<byte[]> corpus;
    private final Random random;

    private FuzzInputs(List<byte[]> corpus, Random random) {
        this.corpus = corpus;
        this.random = random;
    }

    public static int iterations(int ciDefault) {
        return Integer.getInteger("fuzz.iterations", ciDefault);
    }

    /**
     * Runs {@code target} on {@code iterations(ciDefault)} mutated inputs; any exception, error or a batch that
     * takes longer than {@link #BATCH_TIMEOUT} fails with the seed, iteration and escaped input to replay it.
     *
     * @return the number of executions, for the campaign log
     */
    public static long run(String name, List<String> seeds, int ciDefault, Target target) {
        List<byte[]> corpus = new ArrayList<>();
        seeds.forEach(s -> corpus.add(bytes(s)));
        int total = iterations(ciDefault);
        int first = ONLY == null ? 0 : ONLY;
        int end = ONLY == null ? total : ONLY + 1;
        for (int start = first; start < end; start += BATCH) {
            int from = start;
            int to = Math.min(end, start + BATCH);
            assertTimeoutPreemptively(BATCH_TIMEOUT, () -> {
                for (int i = from; i < to; i++) {
                    Random random = new Random(SEED * 1_000_003L + i);
                    byte[] input = new FuzzInputs(corpus, random).next();
                    byte[] original = input.clone(); // the target may own and overwrite its input
                    try {
                        target.accept(input, random);
                    } catch (Throwable t) {
                        throw new AssertionError(name + " failed: replay with -Dfuzz.seed=" + SEED + " -Dfuzz.only="
                                + i + "\ninput (" + original.length + " bytes): " + escape(original), t);
                    }
                }
            }, () -> name + " batch from iteration " + from + " timed out (seed " + SEED + ")");
        }
        if (Boolean.getBoolean("fuzz.report")) {
            System.out.println("fuzz " + name + ": " + (end - first) + " executions, seed " + SEED);
        }
        return end - first;
    }

    /** One input: a corpus entry (or a grammar-free random one) with one to five mutations. */
    byte[] next() {
        byte[] input = random.nextInt(50) == 0 ? randomBytes(random.nextInt(64)) : pick();
        int mutations = 1 + random.nextInt(5);
        for (int m = 0; m < mutations; m++) {
            input = mutate(input);
        }
        return input.length > MAX_LENGTH ? Arrays.copyOf(input, MAX_LENGTH) : input;
    }

    private byte[] pick() {
        return corpus.get(random.nextInt(corpus.size()));
    }

    private byte[] mutate(byte[] in) {
        int at = in.length == 0 ? 0 : random.nextInt(in.length + 1);
        switch (random.nextInt(12)) {
            case 0: { // flip one bit
                if (in.length == 0) {
                    return in;
                }
                byte[] out = in.clone();
                int i = random.nextInt(in.length);
                out[i] ^= (byte) (1 << random.nextInt(8));
                return out;
            }
            case 1:
                return insert(in, at, new byte[] {SPECIALS[random.nextInt(SPECIALS.length)]});
            case 2:
                return insert(in, at, bytes(TOKENS[random.nextInt(TOKENS.length)]));
            case 3: // truncate
                return Arrays.copyOf(in, at);
            case 4: { // delete a range
                int len = Math.min(in.length - at, random.nextInt(16));
                byte[] out = new byte[in.length - len];
                System.arraycopy(in, 0, out, 0, at);
                System.arraycopy(in, at + len, out, at, in.length - at - len);
                return out;
            }
            case 5: { // splice: our head, another seed's tail
                byte[] other = pick();
                int cut = random.nextInt(other.length + 1);
                return concat(Arrays.copyOf(in, at), Arrays.copyOfRange(other, cut, other.length));
            }
            case 6: { // repeat a segment
                int len = Math.min(in.length - at, 1 + random.nextInt(8));
                byte[] segment = Arrays.copyOfRange(in, at, at + len);
                ByteArrayOutputStream repeated = new ByteArrayOutputStream();
                int times = random.nextInt(4) == 0 ? 200 + random.nextInt(2000) : 2 + random.nextInt(8);
                for (int t = 0; t < times; t++) {
                    repeated.writeBytes(segment);
                }
                return insert(in, at, repeated.toByteArray());
            }
            case 7: { // a very long run
                byte[] run = new byte[1000 + random.nextInt(random.nextBoolean() ? 2000 : 20000)];
                Arrays.fill(run, (byte) "aA9 .(\"".charAt(random.nextInt(7)));
                return insert(in, at, run);
            }
            case 8: // a random 8-bit byte
                return insert(in, at, new byte[] {(byte) (0x80 + random.nextInt(128))});
            case 9: { // replace a digit run by a huge or edge number
                return insert(in, at, bytes(String.valueOf(
                        new long[] {0, 1, -1, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE}[random.nextInt(6)])));
            }
            case 10:
                return insert(in, at, randomBytes(1 + random.nextInt(8)));
            default: { // overwrite one byte with another from the input or the specials
                if (in.length == 0) {
                    return in;
                }
                byte[] out = in.clone();
                out[random.nextInt(in.length)] = random.nextBoolean()
                        ? in[random.nextInt(in.length)] : SPECIALS[random.nextInt(SPECIALS.length)];
                return out;
            }
        }
    }

    private byte[] randomBytes(int n) {
        byte[] out = new byte[n];
        random.nextBytes(out);
        return out;
    }

    /** Splits {@code input} at random points, as a network might deliver it (empty chunks included). */
    public static List<byte[]> randomChunks(byte[] input, Random random) {
        List<byte[]> chunks = new ArrayList<>();
        int i = 0;
        while (i < input.length) {
            int n = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(random.nextBoolean() ? 4 : 64);
            n = Math.min(n, input.length - i);
            chunks.add(Arrays.copyOfRange(input, i, i + n));
            i += n;
        }
        return chunks;
    }

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] insert(byte[] in, int at, byte[] what) {
        return concat(concat(Arrays.copyOf(in, at), what), Arrays.copyOfRange(in, at, in.length));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Java-style escaped text, long runs shortened, so a failing input can be pasted into a regression test. */
    public static String escape(byte[] input) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < input.length; i++) {
            int run = 1;
            while (i + run < input.length && input[i + run] == input[i]) {
                run++;
            }
            if (run > 16) {
                out.append("\" + \"").append(escape(input[i])).append("\".repeat(").append(run).append(") + \"");
                i += run - 1;
                continue;
            }
            out.append(escape(input[i]));
        }
        return out.append('"').toString();
    }

    private static String escape(byte b) {
        int c = b & 0xFF;
        return switch (c) {
            case '\r' -> "\\r";
            case '\n' -> "\\n";
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            default -> c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\u%04x", c);
        };
    }
}
