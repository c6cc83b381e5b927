package io.serai.pop3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Byte-stuffing and TOP cut-off across chunk boundaries, where a streaming encoder goes wrong. */
class TransferTest {

    private static String run(String message, long topLines) throws Exception {
        byte[] bytes = message.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Transfer t = new Transfer(new ByteArrayInputStream(bytes), "+OK\r\n".getBytes(StandardCharsets.US_ASCII),
                topLines, null)) {
            for (byte[] c = t.nextChunk(); c != null; c = t.nextChunk()) {
                out.writeBytes(c);
            }
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void dotsAtChunkBoundariesAreStuffed() throws Exception {
        String filler = "x".repeat(Transfer.CHUNK - "H: v\r\n\r\n".length() - 2) + "\r\n";
        String message = "H: v\r\n\r\n" + filler + ".at the boundary\r\n.\r\nend\r\n";
        assertThat(run(message, -1)).isEqualTo("+OK\r\nH: v\r\n\r\n" + filler + "..at the boundary\r\n..\r\nend\r\n.\r\n");
    }

    @Test
    void largeMessageIsStreamedExactly() throws Exception {
        StringBuilder b = new StringBuilder("Subject: big\r\n\r\n");
        for (int i = 0; i < 10_000; i++) {
            b.append(i % 7 == 0 ? "." : "").append("line ").append(i).append("\r\n");
        }
        String expected = b.toString().replace("\r\n.", "\r\n..");
        assertThat(run(b.toString(), -1)).isEqualTo("+OK\r\n" + expected + ".\r\n");
        assertThat(run(b.toString(), 3)).isEqualTo("+OK\r\nSubject: big\r\n\r\n..line 0\r\nline 1\r\nline 2\r\n.\r\n");
    }

    @Test
    void edgeShapes() throws Exception {
        assertThat(run("", -1)).isEqualTo("+OK\r\n.\r\n");
        assertThat(run(".", -1)).isEqualTo("+OK\r\n..\r\n.\r\n");
        assertThat(run("Subject: no body", 0)).isEqualTo("+OK\r\nSubject: no body\r\n.\r\n");
        assertThat(run("A: b\r\n\r\n", 0)).isEqualTo("+OK\r\nA: b\r\n\r\n.\r\n");
        assertThat(run("A: b\r\n\r\nbody\r\n", 0)).isEqualTo("+OK\r\nA: b\r\n\r\n.\r\n");
    }

    @Test
    void aSmallMessageIsOneChunkWithItsStatusAndTerminator() throws Exception {
        byte[] message = "Subject: s\r\n\r\nbody\r\n".getBytes(StandardCharsets.ISO_8859_1);
        try (Transfer t = new Transfer(new ByteArrayInputStream(message), "+OK 20 octets\r\n".getBytes(StandardCharsets.US_ASCII),
                -1, null)) {
            assertThat(new String(t.nextChunk(), StandardCharsets.ISO_8859_1))
                    .isEqualTo("+OK 20 octets\r\nSubject: s\r\n\r\nbody\r\n.\r\n");
            assertThat(t.isDone()).isTrue();
            assertThat(t.nextChunk()).isNull();
        }
    }

    /**
     * Random messages (dots, CR, LF and bare line ends where they hurt most) read in random short pieces, both ways
     * of taking the output: the same bytes as a line-at-a-time reference of RFC 1939 §3 and §7.
     */
    @Test
    void randomMessagesInRandomPiecesMatchTheReference() throws Exception {
        Random random = new Random(1939);
        byte[] alphabet = {'.', '.', '\r', '\n', '\n', 'a', 'b', ' ', ':'};
        for (int round = 0; round < 3_000; round++) {
            int length = random.nextInt(round % 10 == 0 ? 3 * Transfer.CHUNK : 200);
            byte[] message = new byte[length];
            for (int i = 0; i < length; i++) {
                message[i] = alphabet[random.nextInt(alphabet.length)];
            }
            long top = random.nextInt(4) - 1;
            byte[] expected = reference(message, top);
            long seed = random.nextLong();
            assertThat(chunks(message, top, seed, false)).as("round %d", round).isEqualTo(expected);
            assertThat(chunks(message, top, seed, true)).as("round %d into a ByteBuffer", round).isEqualTo(expected);
        }
    }

    private static byte[] chunks(byte[] message, long top, long seed, boolean intoBuffer) throws Exception {
        Random pieces = new Random(seed);
        InputStream in = new ByteArrayInputStream(message) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + pieces.nextInt(40)));
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Transfer t = new Transfer(in, "+OK\r\n".getBytes(StandardCharsets.US_ASCII), top, null)) {
            if (intoBuffer) {
                ByteBuffer buffer = ByteBuffer.allocateDirect(t.maxChunkSize());
                while (t.nextChunk(buffer.clear())) {
                    byte[] chunk = new byte[buffer.flip().remaining()];
                    buffer.get(chunk);
                    out.writeBytes(chunk);
                }
            } else {
                for (byte[] c = t.nextChunk(); c != null; c = t.nextChunk()) {
                    out.writeBytes(c);
                }
            }
        }
        return out.toByteArray();
    }

    /** Line by line: stuff leading dots, stop after {@code top} body lines, end with CRLF and the terminator. */
    private static byte[] reference(byte[] message, long top) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("+OK\r\n".getBytes(StandardCharsets.US_ASCII));
        boolean inBody = false;
        long bodyLines = 0;
        int written = 0;
        for (int start = 0; start < message.length && !(inBody && top >= 0 && bodyLines == top); ) {
            int end = start;
            while (end < message.length && message[end] != '\n') {
                end++;
            }
            int stop = Math.min(end + 1, message.length);
            if (message[start] == '.') {
                out.write('.');
            }
            out.write(message, start, stop - start);
            written += stop - start;
            boolean terminated = end < message.length;
            int content = end - start - (end > start && message[end - 1] == '\r' ? 1 : 0);
            if (inBody && terminated) {
                bodyLines++;
            } else if (terminated && content == 0 && (end == start || end - start == 1)) {
                inBody = true;
            }
            start = stop;
        }
        byte[] sent = out.toByteArray();
        int n = sent.length;
        if (written > 0 && !(sent[n - 2] == '\r' && sent[n - 1] == '\n')) {
            out.write('\r');
            out.write('\n');
        }
        out.writeBytes(".\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
