package io.serai.smtp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serai.smtp.api.Limits;
import io.serai.smtp.api.ListenerKind;
import io.serai.smtp.api.RejectException;
import io.serai.smtp.api.SmtpReply;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scripted conversations over real sockets on 127.0.0.1. */
class SmtpConversationTest {

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

    @Test
    void pipelinedTransactionGets250OnlyAfterTheHandlerCompletes() throws Exception {
        CompletableFuture<SmtpReply> pending = new CompletableFuture<>();
        fixture.handler.answerWith(r -> pending);
        InetSocketAddress address = fixture.start(ListenerKind.MTA);
        try (RawClient c = new RawClient(address)) {
            assertThat(c.reply()).isEqualTo("220 mx.example.org ESMTP Serai\r\n");
            c.send("EHLO client.example\r\n");
            assertThat(c.reply()).contains("250-PIPELINING\r\n");
            // RFC 2920: one group, one batch of replies
            c.send("MAIL FROM:<s@remote.example>\r\nRCPT TO:<alice@example.org>\r\nRCPT TO:<nobody@example.org>\r\n"
                    + "RCPT TO:<bob@example.org>\r\nDATA\r\n");
            assertThat(c.replies(5)).isEqualTo("250 2.1.0 Sender OK\r\n250 2.1.5 Recipient OK\r\n"
                    + "550 5.1.1 Mailbox unknown\r\n250 2.1.5 Recipient OK\r\n354 End data with <CR><LF>.<CR><LF>\r\n");
            // the end of data and the next command in one packet: NOOP waits until the message is answered
            c.send("Subject: t\r\n\r\n..dot\r\nbody\r\n.\r\nNOOP\r\n");
            await().atMost(Duration.ofSeconds(5)).until(() -> !fixture.handler.received.isEmpty());
            assertThat(c.silentFor(300)).isTrue();
            pending.complete(null);
            String queued = c.reply();
            assertThat(queued).startsWith("250 2.0.0 OK queued as ");
            assertThat(c.reply()).isEqualTo("250 2.0.0 OK\r\n");
        }
        RecordingHandler.Received r = fixture.handler.received.take();
        String content = new String(r.content(), StandardCharsets.UTF_8);
        assertThat(content).startsWith("Return-Path: <s@remote.example>\r\nReceived: from client.example ([127.0.0.1])\r\n")
                .endsWith("\r\nSubject: t\r\n\r\n.dot\r\nbody\r\n");
        assertThat(r.envelope().recipients()).extracting(x -> x.address())
                .containsExactly("alice@example.org", "bob@example.org");
        assertThat(r.thread()).startsWith("smtp-handler"); // neither an I/O nor a session thread
    }

    @Test
    void failingHandlersGive451Or554() throws Exception {
        InetSocketAddress address = fixture.start(ListenerKind.MTA);
        try (RawClient c = new RawClient(address)) {
            c.reply();
            c.send("EHLO client.example\r\n").reply();
            fixture.handler.answerWith(r -> CompletableFuture.failedFuture(new IllegalStateException("route down")));
            c.send("MAIL FROM:<s@remote.example>\r\nRCPT TO:<alice@example.org>\r\nDATA\r\nhello\r\n.\r\n");
            assertThat(c.replies(4)).endsWith("451 4.3.0 Local error in processing\r\n");
            fixture.handler.answerWith(r -> CompletableFuture.failedFuture(RejectException.permanent("spam")));
            c.send("MAIL FROM:<s@remote.example>\r\nRCPT TO:<alice@example.org>\r\nDATA\r\nhello\r\n.\r\n");
            assertThat(c.replies(4)).endsWith("554 5.6.0 spam\r\n");
            fixture.handler.answerWith(r -> {
                throw new IllegalStateException("thrown, not returned");
            });
            c.send("MAIL FROM:<s@remote.example>\r\nRCPT TO:<alice@example.org>\r\nDATA\r\nhello\r\n.\r\n");
            assertThat(c.replies(4)).endsWith("451 4.3.0 Local error in processing\r\n");
        }
    }

    @Test
    void smugglingAttemptWithBareLineFeedsIsRejected() throws Exception {
        InetSocketAddress address = fixture.start(ListenerKind.MTA);
        try (RawClient c = new RawClient(address)) {
            c.reply();
            c.send("EHLO client.example\r\nMAIL FROM:<s@remote.example>\r\nRCPT TO:<alice@example.org>\r\nDATA\r\n");
            c.replies(4);
            c.send("Subject: x\r\n\r\nhi\n.\nMAIL FROM:<evil@remote.example>\nRCPT TO:<bob@example.org>\nDATA\nforged\n.\r\n");
            c.send("\r\n.\r\n");
            assertThat(c.reply()).startsWith("554 5.6.0 Message rejected: bare CR or LF");
            c.send("QUIT\r\n");
            assertThat(c.reply()).startsWith("221 2.0.0");
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(fixture.handler.received).isEmpty();
    }

    @Test
    void bdatChunksSplitAcrossPackets() throws Exception {
        InetSocketAddress address = fixture.start(ListenerKind.MTA);
        try (RawClient c = new RawClient(address)) {
            c.reply();
            c.send("EHLO client.example\r\nMAIL FROM:<s@remote.example>\r\nRCPT TO:<alice@example.org>\r\n");
            c.replies(3);
            c.send("BDAT 14\r\nSubject");
            c.send(": a\r\n\r\nBDAT 3 LAST\r\nxyz");
            assertThat(c.replies(2)).startsWith("250 2.0.0 14 octets received\r\n250 2.0.0 OK queued as");
        }
        assertThat(new String(fixture.handler.received.take().content(), StandardCharsets.UTF_8))
                .endsWith("Subject: a\r\n\r\nxyz");
    }

    @Test
    void largeMessageIsSpooledAndStillByteIdentical() throws Exception {
        InetSocketAddress address = fixture.start(ListenerKind.MTA);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            body.append("line ").append(i).append(" ").append("y".repeat(60)).append("\r\n");
        }
        try (RawClient c = new RawClient(address)) {
            c.reply();
            c.send("EHLO client.example\r\nMAIL FROM:<s@remote.example>\r\nRCPT TO:<alice@example.org>\r\nDATA\r\n");
            c.replies(4);
            c.send(body + ".\r\n");
            assertThat(c.reply()).startsWith("250 2.0.0 OK queued as");
        }
        assertThat(new String(fixture.handler.received.take().content(), StandardCharsets.UTF_8)).endsWith(body);
        await().atMost(Duration.ofSeconds(5)).until(() -> spool.toFile().list().length == 0);
    }

    @Test
    void smtpUtf8AddressesAndEightBitContentPassThroughAsBytes() throws Exception {
        InetSocketAddress address = fixture.start(ListenerKind.MTA, b -> b.recipientValidator(a ->
                io.serai.smtp.api.RecipientValidator.RecipientStatus.ACCEPT));
        String body = "Subject: Grüße aus Köln\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n日本語のテキスト\r\n";
        try (RawClient c = new RawClient(address)) {
            c.reply();
            c.send("EHLO client.example\r\nMAIL FROM:<jörg@bücher.example> SMTPUTF8 BODY=8BITMIME\r\n"
                    + "RCPT TO:<用户@example.org>\r\nDATA\r\n");
            assertThat(c.replies(4)).contains("250 2.1.5 Recipient OK");
            c.send(body + ".\r\n");
            assertThat(c.reply()).startsWith("250 2.0.0 OK queued as");
        }
        RecordingHandler.Received r = fixture.handler.received.take();
        assertThat(r.envelope().reversePath()).isEqualTo("jörg@bücher.example");
        assertThat(r.envelope().smtpUtf8()).isTrue();
        byte[] expected = body.getBytes(StandardCharsets.UTF_8);
        byte[] tail = java.util.Arrays.copyOfRange(r.content(), r.content().length - expected.length, r.content().length);
        assertThat(tail).isEqualTo(expected);
        assertThat(new String(r.content(), StandardCharsets.UTF_8)).contains("with UTF8SMTP id").contains("for <用户@example.org>");
    }

    @Test
    void commandTimeoutCloses() throws Exception {
        InetSocketAddress address = fixture.start(ListenerKind.MTA, b -> b.limits(
                Limits.defaults().withTimeouts(Duration.ofMillis(300), Duration.ofMillis(300))));
        try (RawClient c = new RawClient(address)) {
            c.reply();
            assertThat(c.reply()).isEqualTo("421 mx.example.org timeout waiting for input, closing connection\r\n");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void dataTimeoutCloses() throws Exception {
        InetSocketAddress address = fixture.start(ListenerKind.MTA, b -> b.limits(
                Limits.defaults().withTimeouts(Duration.ofSeconds(30), Duration.ofMillis(300))));
        try (RawClient c = new RawClient(address)) {
            c.reply();
            c.send("EHLO client.example\r\nMAIL FROM:<s@remote.example>\r\nRCPT TO:<alice@example.org>\r\nDATA\r\n");
            c.replies(4);
            c.send("partial line without end");
            assertThat(c.reply()).startsWith("421 4.4.2");
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(fixture.handler.received).isEmpty();
    }

    @Test
    void connectionLimitsPerAddressAndTotal() throws Exception {
        InetSocketAddress perIp = fixture.start(ListenerKind.MTA, b -> b.limits(Limits.defaults().withConnections(10, 2)));
        // connect one after the other: accepts on different I/O threads would otherwise race
        try (RawClient a = new RawClient(perIp)) {
            assertThat(a.reply()).startsWith("220");
            try (RawClient b = new RawClient(perIp)) {
                assertThat(b.reply()).startsWith("220");
                try (RawClient c = new RawClient(perIp)) {
                    assertThat(c.reply()).isEqualTo("421 mx.example.org too many connections, try again later\r\n");
                    assertThat(c.closedByServer()).isTrue();
                }
            }
        }
        NettySmtpServer first = fixture.last();
        await().atMost(Duration.ofSeconds(5)).until(() -> first.openConnections() == 0);

        InetSocketAddress total = fixture.start(ListenerKind.MTA, b -> b.limits(Limits.defaults().withConnections(1, 5)));
        try (RawClient a = new RawClient(total)) {
            assertThat(a.reply()).startsWith("220");
            try (RawClient b = new RawClient(total)) {
                assertThat(b.reply()).startsWith("421 mx.example.org too many connections");
            }
        }
        // the refused and the closed connection were both released, so a new client is served again
        await().atMost(Duration.ofSeconds(5)).until(() -> fixture.last().openConnections() == 0);
        try (RawClient again = new RawClient(total)) {
            assertThat(again.reply()).startsWith("220");
        }
    }

    @Test
    void tooManyErrorsDisconnect() throws Exception {
        InetSocketAddress address = fixture.start(ListenerKind.MTA, b -> b.limits(Limits.defaults().withMaxErrors(3)));
        try (RawClient c = new RawClient(address)) {
            c.reply();
            c.send("A\r\nB\r\nC\r\nD\r\n");
            assertThat(c.replies(4)).endsWith("500 Command unrecognized\r\n421 Too many errors, closing connection\r\n");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void overlongCommandLineIsSkippedNotBuffered() throws Exception {
        InetSocketAddress address = fixture.start(ListenerKind.MTA);
        try (RawClient c = new RawClient(address)) {
            c.reply();
            c.send("NOOP " + "x".repeat(20_000) + "\r\nNOOP\r\n");
            assertThat(c.replies(2)).isEqualTo("500 Line too long\r\n250 OK\r\n");
        }
    }

    @Test
    void stopSends421ToOpenSessions() throws Exception {
        InetSocketAddress address = fixture.start(ListenerKind.MTA);
        try (RawClient c = new RawClient(address)) {
            c.reply();
            fixture.stop(fixture.last());
            assertThat(c.reply()).isEqualTo("421 mx.example.org service not available, closing connection\r\n");
        }
    }
}
