import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SMTP load client that pipelines as real MTAs do (RFC 2920: MAIL, RCPT and DATA in one write, then the
 * message and its dot in another), unlike smtp-source, which waits for every reply. Each session keeps its
 * connection for all its messages. With the optional last argument {@code bdat} it sends each message as one
 * BDAT LAST chunk pipelined with MAIL and RCPT (RFC 3030 §4.2, as Exim does when CHUNKING is offered): one
 * write and one round trip per message.
 *
 *   java PipeliningLoad.java HOST PORT SESSIONS MESSAGES SIZE FROM TO [bdat]
 *
 * Prints messages per second and counts every reply that is not the expected 250/354 as an error.
 */
public final class PipeliningLoad {

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int sessions = Integer.parseInt(args[2]);
        int messages = Integer.parseInt(args[3]);
        int size = Integer.parseInt(args[4]);
        String from = args[5];
        String to = args[6];
        boolean bdat = args.length > 7 && args[7].equals("bdat");
        byte[] body = bdat ? chunk(from, to, size) : body(size);
        AtomicInteger remaining = new AtomicInteger(messages);
        AtomicLong errors = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int s = 0; s < sessions; s++) {
            Thread t = new Thread(() -> {
                try {
                    session(host, port, from, to, body, bdat, remaining, sent, errors);
                } catch (IOException e) {
                    errors.incrementAndGet();
                    System.err.println(e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%d %.1f %d%n", sent.get(), sent.get() / secs, errors.get());
    }

    private static byte[] body(int size) {
        StringBuilder b = new StringBuilder("From: <load@client.test>\r\nSubject: pipelined load\r\n\r\n");
        while (b.length() < size) {
            b.append("0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz.......\r\n");
        }
        b.append(".\r\n");
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** MAIL, RCPT and one BDAT LAST chunk with the whole message (no dot-stuffing, no terminating dot). */
    private static byte[] chunk(String from, String to, int size) {
        byte[] message = body(size);
        int length = message.length - 3; // without the ".\r\n" terminator of the DATA form
        byte[] head = ("MAIL FROM:<" + from + ">\r\nRCPT TO:<" + to + ">\r\nBDAT " + length + " LAST\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(message, 0, out, head.length, length);
        return out;
    }

    private static void session(String host, int port, String from, String to, byte[] body, boolean bdat,
                                AtomicInteger remaining, AtomicLong sent, AtomicLong errors) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
            OutputStream out = socket.getOutputStream();
            expect(in, "220", errors);
            out.write("EHLO load.client.test\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            expect(in, "250", errors);
            byte[] envelope = ("MAIL FROM:<" + from + ">\r\nRCPT TO:<" + to + ">\r\nDATA\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            while (bdat && remaining.getAndDecrement() > 0) {
                out.write(body);
                out.flush();
                if (expect(in, "250", errors) & expect(in, "250", errors) & expect(in, "250", errors)) {
                    sent.incrementAndGet();
                }
            }
            while (!bdat && remaining.getAndDecrement() > 0) {
                out.write(envelope);
                out.flush();
                boolean ok = expect(in, "250", errors) & expect(in, "250", errors) & expect(in, "354", errors);
                out.write(body);
                out.flush();
                if (expect(in, "250", errors) && ok) {
                    sent.incrementAndGet();
                }
            }
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            expect(in, "221", errors);
        }
    }

    /** Reads one (possibly multi-line) reply; counts an error unless it has the expected code. */
    private static boolean expect(InputStream in, String code, AtomicLong errors) throws IOException {
        while (true) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                line.append((char) c);
            }
            if (line.length() < 4 || line.charAt(3) != '-') {
                if (!line.toString().startsWith(code)) {
                    errors.incrementAndGet();
                    System.err.println("expected " + code + ": " + line.toString().trim());
                    return false;
                }
                return true;
            }
        }
    }
}
