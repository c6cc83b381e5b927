import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where the time of one message goes when every message has its own connection (issue #15): one client, one
 * connection per message, as smtp-source does it (connect, greeting, HELO, MAIL, RCPT, DATA, the message, QUIT),
 * timing each step from the moment its command is written (connect: from before connect() until the greeting is
 * read) to the moment its whole reply is read. Prints, per step, the median and the 90th percentile in
 * microseconds, and the message rate.
 *
 *   java ConnLatency HOST PORT MESSAGES SIZE FROM TO [WARMUP]
 */
public final class ConnLatency {

    /** HELO as smtp-source sends it; -Dhello=EHLO for the multi-line reply. */
    private static final String HELLO = System.getProperty("hello", "HELO");
    private static final String[] STEPS = {"connect+220", HELLO, "MAIL", "RCPT", "DATA", "message+250", "QUIT+221", "close"};

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int messages = Integer.parseInt(args[2]);
        int size = Integer.parseInt(args[3]);
        String from = args[4];
        String to = args[5];
        int warmup = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        byte[] body = body(size);
        for (int i = 0; i < warmup; i++) {
            send(host, port, from, to, body, new long[STEPS.length]);
        }
        long[][] samples = new long[STEPS.length][messages];
        long[] one = new long[STEPS.length];
        long t0 = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            send(host, port, from, to, body, one);
            for (int s = 0; s < STEPS.length; s++) {
                samples[s][i] = one[s];
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long total = 0;
        for (int s = 0; s < STEPS.length; s++) {
            long[] sorted = samples[s].clone();
            Arrays.sort(sorted);
            long median = sorted[messages / 2] / 1000;
            total += median;
            System.out.printf("%-12s median %6d us  p90 %6d us%n", STEPS[s], median, sorted[messages * 9 / 10] / 1000);
        }
        System.out.printf("%-12s median %6d us (sum of medians)%n", "message", total);
        System.out.printf("%d messages in %.2f s = %.0f msg/s%n", messages, seconds, messages / seconds);
    }

    private static void send(String host, int port, String from, String to, byte[] body, long[] times)
            throws IOException {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port));
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            expect(in, '2');
            long t = System.nanoTime();
            times[0] = t - start;
            t = step(in, out, HELLO + " client.test\r\n", times, 1, t);
            t = step(in, out, "MAIL FROM:<" + from + ">\r\n", times, 2, t);
            t = step(in, out, "RCPT TO:<" + to + ">\r\n", times, 3, t);
            out.write("DATA\r\n".getBytes(StandardCharsets.US_ASCII));
            expect(in, '3');
            long u = System.nanoTime();
            times[4] = u - t;
            out.write(body);
            expect(in, '2');
            t = System.nanoTime();
            times[5] = t - u;
            t = step(in, out, "QUIT\r\n", times, 6, t);
            // the server closes after 221: wait for its FIN so the next connect does not overlap this session
            if (in.read() != -1) {
                throw new IOException("data after 221");
            }
            times[7] = System.nanoTime() - t;
        }
    }

    private static long step(InputStream in, OutputStream out, String command, long[] times, int index, long t)
            throws IOException {
        out.write(command.getBytes(StandardCharsets.US_ASCII));
        expect(in, '2');
        long now = System.nanoTime();
        times[index] = now - t;
        return now;
    }

    /** Reads one (possibly multi-line) reply and checks its first digit. */
    private static void expect(InputStream in, char digit) throws IOException {
        while (true) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != '\n') {
                if (c == -1) {
                    throw new IOException("connection closed after: " + line);
                }
                line.append((char) c);
            }
            if (line.length() < 4 || line.charAt(0) != digit) {
                throw new IOException("unexpected reply: " + line);
            }
            if (line.charAt(3) == ' ') {
                return;
            }
        }
    }

    /** A message of about {@code size} bytes in 78-character lines (none starting with a dot), then the end of data. */
    private static byte[] body(int size) {
        StringBuilder b = new StringBuilder("Subject: conn latency\r\n\r\n");
        String line = "x".repeat(76) + "\r\n";
        while (b.length() + line.length() <= size) {
            b.append(line);
        }
        b.append(".\r\n");
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
