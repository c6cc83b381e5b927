package io.serai.pop3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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
}
