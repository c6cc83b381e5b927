package io.serai.smtp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Stream;

import io.serai.smtp.api.ListenerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An application executor that refuses work must cost the client a retry (451), never the connection or a file. */
class RejectedDeliveryTest {

    @TempDir
    Path spool;

    @Test
    void aFullHandlerExecutorAnswers451AndFreesTheSpool() throws Exception {
        try (ServerFixture fixture = new ServerFixture(spool)) {
            InetSocketAddress address = fixture.start(ListenerKind.MTA, b -> b.handlerExecutor(task -> {
                throw new RejectedExecutionException("pool full");
            }));
            try (RawClient c = new RawClient(address)) {
                c.reply();
                c.send("EHLO client.example\r\n").reply();
                // over the 1 KiB spool threshold of the fixture, so a spool file exists while the message waits
                String body = "x".repeat(998) + "\r\n";
                c.send("MAIL FROM:<s@remote.example>\r\nRCPT TO:<alice@example.org>\r\nDATA\r\n" + body.repeat(4) + ".\r\n");
                assertThat(c.replies(4)).endsWith("451 4.3.0 Local error in processing\r\n");
                c.send("NOOP\r\n");
                assertThat(c.reply()).startsWith("250"); // the session goes on
            }
            try (Stream<Path> files = Files.list(spool)) {
                assertThat(files).isEmpty();
            }
        }
    }
}
