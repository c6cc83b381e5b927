package io.serai.smtp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.smtp.api.ListenerKind;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messages far above the spool threshold (1 KB in the fixture) stream to disk on the session executor while the
 * event loop keeps reading; one after another in one session, written in small pieces as smtp-source does. Each
 * arrives byte for byte.
 */
class LargeMessagesInOneSessionTest {

    private static final byte[] LINE = "0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final int LINES = 14_000; // about 1 MB

    @TempDir
    Path spool;
    private ServerFixture fixture;
    private InetSocketAddress address;

    @BeforeEach
    void setUp() {
        fixture = new ServerFixture(spool);
        address = fixture.start(ListenerKind.MTA);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private static byte[] body(int m) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("Subject: large " + m + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < LINES; i++) {
            body.writeBytes(LINE);
        }
        return body.toByteArray();
    }

    private static void assertEndsWith(byte[] content, byte[] body) {
        assertThat(content.length).isGreaterThan(body.length); // plus the trace headers
        assertThat(Arrays.copyOfRange(content, content.length - body.length, content.length)).isEqualTo(body);
    }

    @Test
    void dataMessagesBackToBack() throws Exception {
        try (RawClient c = new RawClient(address)) {
            c.reply();
            c.send("EHLO client.example\r\n").reply();
            for (int m = 0; m < 4; m++) {
                c.send("MAIL FROM:<s@remote.example>\r\nRCPT TO:<alice@example.org>\r\nDATA\r\n");
                assertThat(c.replies(3)).contains("250 2.1.0").contains("250 2.1.5").contains("354");
                OutputStream out = new BufferedOutputStream(c.output(), 4096);
                out.write(body(m));
                out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(c.reply()).startsWith("250 ");
                assertEndsWith(fixture.handler.received.take().content(), body(m));
            }
        }
    }

    @Test
    void bdatChunksSpillingMidChunkThenACommandRightBehind() throws Exception {
        byte[] body = body(9);
        int split = body.length / 3;
        try (RawClient c = new RawClient(address)) {
            c.reply();
            c.send("EHLO client.example\r\n").reply();
            c.send("MAIL FROM:<s@remote.example>\r\nRCPT TO:<alice@example.org>\r\n");
            c.replies(2);
            OutputStream out = new BufferedOutputStream(c.output(), 4096);
            out.write(("BDAT " + split + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, split);
            // pipelined behind the chunk (RFC 3030 §4.2): framed as a command only after the chunk's reply
            out.write(("BDAT " + (body.length - split) + " LAST\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, split, body.length - split);
            out.write("NOOP\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(c.reply()).startsWith("250 ");
            assertThat(c.reply()).startsWith("250 ");
            assertThat(c.reply()).startsWith("250 "); // NOOP
            assertEndsWith(fixture.handler.received.take().content(), body);
        }
    }
}
