package io.serai.smtp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serai.smtp.api.Limits;
import io.serai.smtp.api.ListenerKind;
import io.serai.smtp.api.RecipientValidator;
import io.serai.smtp.api.SmtpReply;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server stops reading while the application works and while its replies are not being read. */
class BackPressureTest {

    private static final int MEGABYTES = 24; // well above loopback socket buffers

    @TempDir
    Path spool;
    private ServerFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ServerFixture(spool);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    /** Writes {@code bytes} on its own thread and tells when it got through. */
    private static AtomicBoolean writeInBackground(OutputStream out, byte[] bytes) {
        AtomicBoolean done = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            try {
                out.write(bytes);
                out.flush();
                done.set(true);
            } catch (IOException e) {
                // the test closed the socket
            }
        }, "back-pressure-writer");
        writer.setDaemon(true);
        writer.start();
        return done;
    }

    @Test
    void nothingIsReadWhileTheHandlerHasNotAnswered() throws Exception {
        CompletableFuture<SmtpReply> pending = new CompletableFuture<>();
        fixture.handler.answerWith(r -> fixture.handler.received.size() == 1 ? pending
                : CompletableFuture.completedFuture(null));
        InetSocketAddress address = fixture.start(ListenerKind.MTA,
                b -> b.limits(Limits.defaults().withMaxMessageSize(64L << 20)));
        try (RawClient c = new RawClient(address)) {
            c.reply();
            c.send("EHLO client.example\r\nMAIL FROM:<s@remote.example>\r\nRCPT TO:<alice@example.org>\r\nDATA\r\n");
            c.replies(4);
            c.send("first\r\n.\r\n");
            await().atMost(Duration.ofSeconds(5)).until(() -> fixture.handler.received.size() == 1);

            byte[] line = new byte[1000];
            Arrays.fill(line, (byte) 'x');
            line[998] = '\r';
            line[999] = '\n';
            StringBuilder head = new StringBuilder("MAIL FROM:<s@remote.example>\r\nRCPT TO:<alice@example.org>\r\nDATA\r\n");
            byte[] second = new byte[head.length() + MEGABYTES * 1000 * 1000 + 3];
            System.arraycopy(head.toString().getBytes(StandardCharsets.US_ASCII), 0, second, 0, head.length());
            for (int i = head.length(); i + 1000 <= second.length - 3; i += 1000) {
                System.arraycopy(line, 0, second, i, 1000);
            }
            System.arraycopy(".\r\n".getBytes(StandardCharsets.US_ASCII), 0, second, second.length - 3, 3);
            AtomicBoolean written = writeInBackground(c.output(), second);

            // the server reads nothing while the first message is unanswered, so the writer stays blocked
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !written.get());
            pending.complete(null);
            assertThat(c.reply()).startsWith("250 2.0.0 OK queued as");
            await().atMost(Duration.ofSeconds(20)).untilTrue(written);
            assertThat(c.replies(3)).isEqualTo("250 2.1.0 Sender OK\r\n250 2.1.5 Recipient OK\r\n"
                    + "354 End data with <CR><LF>.<CR><LF>\r\n");
            assertThat(c.reply()).startsWith("250 2.0.0 OK queued as");
        }
        assertThat(fixture.handler.received).hasSize(2);
        assertThat(fixture.handler.received.stream().skip(1).findFirst().orElseThrow().content().length)
                .isGreaterThan(MEGABYTES * 999_000);
    }

    @Test
    void aClientThatDoesNotReadRepliesIsNotReadEither() throws Exception {
        AtomicLong checked = new AtomicLong();
        InetSocketAddress address = fixture.start(ListenerKind.MTA, b -> b
                .recipientValidator(a -> {
                    checked.incrementAndGet();
                    return RecipientValidator.RecipientStatus.UNKNOWN_USER;
                })
                .limits(Limits.defaults().withMaxErrors(Integer.MAX_VALUE)));
        int commands = MEGABYTES * 1000 * 1000 / 25;
        try (RawClient c = new RawClient(address)) {
            c.reply();
            c.send("EHLO client.example\r\nMAIL FROM:<s@remote.example>\r\n");
            c.replies(2);
            byte[] rcpts = "RCPT TO:<x@example.org>\r\n".repeat(commands).getBytes(StandardCharsets.US_ASCII);
            writeInBackground(c.output(), rcpts);
            // replies pile up unread; once they fill the buffers the server stops reading, so the count stalls
            long[] previous = {-1};
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() -> {
                long now = checked.get();
                boolean stalled = now > 0 && now == previous[0];
                previous[0] = now;
                return stalled;
            });
            // without output back-pressure every command would be read and answered into memory
            assertThat(checked.get()).isLessThan(commands / 2);
        }
    }
}
