package io.serai.pop3.transport;

import static io.serai.pop3.testing.TestStore.ALICE;
import static io.serai.pop3.testing.TestStore.DOTTED;
import static io.serai.pop3.testing.TestStore.PLAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole conversations over a socket: pipelining, streaming, UPDATE semantics and locks. */
class ConversationTest {

    @TempDir
    Path dir;
    ServerFixture fixture;
    InetSocketAddress address;

    @BeforeEach
    void start() throws Exception {
        fixture = new ServerFixture(dir);
        fixture.store.append(ALICE, DOTTED);
        fixture.store.append(ALICE, PLAIN);
        address = fixture.start(b -> b.userWithoutTls(true));
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private static String login(LineClient c) throws Exception {
        c.line();
        c.send("USER " + ALICE + "\r\nPASS pencil\r\n");
        c.line();
        return c.line();
    }

    @Test
    void pipelinedCommandsAreAnsweredInOrder() throws Exception {
        try (LineClient c = new LineClient(address)) {
            assertThat(c.line()).isEqualTo("+OK pop.example.org Serai POP3 server ready\r\n");
            // RFC 2449 §6.6: the client may send every command at once
            c.send("USER " + ALICE + "\r\nPASS pencil\r\nSTAT\r\nRETR 1\r\nTOP 2 1\r\nDELE 1\r\nLIST\r\nQUIT\r\n");
            assertThat(c.line()).isEqualTo("+OK send PASS\r\n");
            int octets = DOTTED.length() + PLAIN.length();
            assertThat(c.line()).isEqualTo("+OK maildrop has 2 messages (" + octets + " octets)\r\n");
            assertThat(c.line()).isEqualTo("+OK 2 " + octets + "\r\n");
            assertThat(c.multiLine()).isEqualTo("+OK " + DOTTED.length() + " octets\r\n"
                    + DOTTED.replace("\r\n.", "\r\n..") + ".\r\n");
            assertThat(c.multiLine()).isEqualTo("+OK top of message follows\r\nSubject: two\r\n\r\nline1\r\n.\r\n");
            assertThat(c.line()).isEqualTo("+OK message 1 deleted\r\n");
            assertThat(c.multiLine()).isEqualTo("+OK scan listing follows\r\n2 " + PLAIN.length() + "\r\n.\r\n");
            assertThat(c.line()).isEqualTo("+OK pop.example.org POP3 server signing off (1 messages deleted)\r\n");
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(fixture.store.count(ALICE)).isEqualTo(1);
    }

    @Test
    void aDroppedConnectionDeletesNothing() throws Exception {
        try (LineClient c = new LineClient(address)) {
            assertThat(login(c)).startsWith("+OK maildrop has 2");
            c.send("DELE 1\r\nDELE 2\r\n");
            assertThat(c.line() + c.line()).isEqualTo("+OK message 1 deleted\r\n+OK message 2 deleted\r\n");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> !fixture.locks.isLocked(ALICE));
        assertThat(fixture.store.count(ALICE)).isEqualTo(2);
    }

    @Test
    void aSecondSessionFindsTheMaildropInUse() throws Exception {
        try (LineClient first = new LineClient(address); LineClient second = new LineClient(address)) {
            assertThat(login(first)).startsWith("+OK maildrop has 2");
            assertThat(login(second)).isEqualTo("-ERR [IN-USE] maildrop already locked\r\n");
            first.send("QUIT\r\n").line();
            await().atMost(Duration.ofSeconds(5)).until(() -> !fixture.locks.isLocked(ALICE));
            second.send("USER " + ALICE + "\r\nPASS pencil\r\n");
            assertThat(second.line() + second.line()).endsWith("+OK maildrop has 2 messages ("
                    + (DOTTED.length() + PLAIN.length()) + " octets)\r\n");
        }
    }

    @Test
    void messagesDeliveredDuringTheSessionAreNotListed() throws Exception {
        try (LineClient c = new LineClient(address)) {
            login(c);
            fixture.store.append(ALICE, "Subject: late\r\n\r\nlate\r\n");
            assertThat(c.send("STAT\r\n").line()).startsWith("+OK 2 ");
            assertThat(c.send("UIDL\r\n").multiLine()).hasLineCount(4);
            assertThat(c.send("RETR 3\r\n").line()).isEqualTo("-ERR no such message\r\n");
        }
    }

    @Test
    void aLargeMessageStreamsByteForByte() throws Exception {
        StringBuilder b = new StringBuilder("Subject: large\r\n\r\n");
        for (int i = 0; b.length() < 3_000_000; i++) {
            b.append(i % 5 == 0 ? ".dot " : "line ").append(i).append(" ").append("x".repeat(i % 90)).append("\r\n");
        }
        byte[] message = b.toString().getBytes(StandardCharsets.ISO_8859_1);
        fixture.store.append(ALICE, message);
        try (LineClient c = new LineClient(address)) {
            login(c);
            String reply = c.send("RETR 3\r\nNOOP\r\n").multiLine();
            assertThat(reply).startsWith("+OK " + message.length + " octets\r\n");
            String body = reply.substring(reply.indexOf("\r\n") + 2, reply.length() - 3).replace("\r\n..", "\r\n.");
            assertThat(body.getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(message);
            assertThat(c.line()).isEqualTo("+OK\r\n");
        }
    }

    @Test
    void stoppingTheServerEndsSessionsWithoutUpdate() throws Exception {
        try (LineClient c = new LineClient(address)) {
            login(c);
            assertThat(c.send("DELE 1\r\n").line()).isEqualTo("+OK message 1 deleted\r\n");
            fixture.last.stop().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(c.line()).isEqualTo("-ERR [SYS/TEMP] server shutting down\r\n");
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(fixture.store.count(ALICE)).isEqualTo(2);
        assertThat(fixture.locks.isLocked(ALICE)).isFalse();
    }

    @Test
    void retrievalsAreReportedToTheListener() throws Exception {
        java.util.List<io.serai.pop3.api.MessageEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        InetSocketAddress audited = fixture.start(b -> b.userWithoutTls(true).locks(null)
                .listener(new io.serai.pop3.api.Pop3EventListener() {
                    @Override
                    public void retrieved(io.serai.pop3.api.MessageEvent e) {
                        events.add(e);
                    }

                    @Override
                    public void deleted(io.serai.pop3.api.MessageEvent e) {
                        events.add(e);
                    }
                }));
        try (LineClient c = new LineClient(audited)) {
            login(c);
            c.send("RETR 2\r\nDELE 2\r\nQUIT\r\n").multiLine();
            c.line();
            c.line();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 2);
        long uid = fixture.store.inbox(ALICE).uids()[0] + 1;
        assertThat(events).extracting(io.serai.pop3.api.MessageEvent::uid).containsExactly(uid, uid);
        assertThat(events.get(0).size()).isEqualTo(PLAIN.length());
        assertThat(events.get(0).client()).isInstanceOf(InetSocketAddress.class);
    }

    @Test
    void hundredsOfPipelinedRetrievalsArriveInOrder() throws Exception {
        try (LineClient c = new LineClient(address)) {
            login(c);
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < 300; i++) {
                burst.append(i % 2 == 0 ? "RETR 1\r\n" : "RETR 2\r\n");
            }
            c.send(burst.append("STAT\r\n").toString());
            for (int i = 0; i < 300; i++) {
                String expected = i % 2 == 0 ? DOTTED : PLAIN;
                assertThat(c.multiLine()).isEqualTo("+OK " + expected.length() + " octets\r\n"
                        + expected.replace("\r\n.", "\r\n..") + ".\r\n");
            }
            assertThat(c.line()).startsWith("+OK 2 ");
        }
    }
}
