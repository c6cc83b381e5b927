package io.serai.imap.transport;

import static io.serai.imap.transport.ServerFixture.ALICE;
import static io.serai.imap.transport.ServerFixture.BOB;
import static io.serai.imap.transport.ServerFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serai.imap.api.Limits;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every {@link Limits} entry over real sockets, each configured small so the test is quick. */
class LimitsTest {

    @TempDir
    Path dir;

    private static final Limits BASE = Limits.defaults().withAuthFailureDelay(Duration.ZERO, Duration.ZERO);

    @Test
    void theLargestIdCommandRfc2971AllowsIsReadBeforeLogin() throws Exception {
        // RFC 2971 §3.3: 30 fields of up to 30 octets, values up to 1,024 octets (imaptest's "id" group)
        StringBuilder id = new StringBuilder("i ID (");
        for (int i = 0; i < 30; i++) {
            id.append(i == 0 ? "" : " ").append('"').append(String.format("f%029d", i)).append("\" \"")
                    .append("v".repeat(1024)).append('"');
        }
        id.append(')');
        try (ServerFixture f = new ServerFixture(dir, BASE); LineClient client = f.connect()) {
            client.send(id.toString());
            assertThat(client.line()).startsWith("* ID ");
            assertThat(client.line()).isEqualTo("i OK ID completed");
            // beyond the pre-login line bound the line is refused and the session ends (framing is lost)
            client.send("j ID (\"x\" \"" + "v".repeat(40 * 1024) + "\")");
            assertThat(client.line()).startsWith("j BAD Line too long");
        }
    }

    @Test
    void totalConnectionsAreCappedWithByeAsGreeting() throws Exception {
        try (ServerFixture f = new ServerFixture(dir, BASE.withConnections(2, 10, 10));
             LineClient one = f.connect(); LineClient two = f.connect();
             LineClient three = new LineClient(f.address)) {
            assertThat(three.line()).isEqualTo("* BYE Too many connections, try again later");
            assertThat(three.closedByServer()).isTrue();
            one.send("a LOGOUT");
            assertThat(one.closedByServer()).isTrue();
            await().until(() -> f.server.openConnections() == 1);
            try (LineClient four = f.connect()) {
                four.send("b NOOP");
                assertThat(four.line()).isEqualTo("b OK NOOP completed");
            }
        }
    }

    @Test
    void connectionsPerAddressAreCapped() throws Exception {
        try (ServerFixture f = new ServerFixture(dir, BASE.withConnections(10, 2, 10));
             LineClient one = f.connect(); LineClient two = f.connect();
             LineClient three = new LineClient(f.address)) {
            assertThat(three.line()).startsWith("* BYE Too many connections");
            // another client address still gets in
            try (LineClient other = new LineClient(f.address, InetAddress.getByName("127.0.0.2"))) {
                assertThat(other.line()).startsWith("* OK");
            }
        }
    }

    @Test
    void sessionsPerAccountAreCappedAfterAuthentication() throws Exception {
        try (ServerFixture f = new ServerFixture(dir, BASE.withConnections(10, 10, 1));
             LineClient first = f.connect(); LineClient second = f.connect(); LineClient bob = f.connect()) {
            first.send("a LOGIN " + ALICE + " " + PASSWORD);
            assertThat(first.lineStartingWith("a ")).startsWith("a OK");
            second.send("b LOGIN " + ALICE.toUpperCase() + " " + PASSWORD);
            assertThat(second.line()).isEqualTo("* BYE Too many sessions for this account");
            assertThat(second.line()).isEqualTo("b NO [UNAVAILABLE] Too many sessions for this account");
            assertThat(second.closedByServer()).isTrue();
            bob.send("c LOGIN " + BOB + " " + PASSWORD);
            assertThat(bob.lineStartingWith("c ")).startsWith("c OK");
            first.send("d LOGOUT");
            assertThat(first.closedByServer()).isTrue();
            await().untilAsserted(() -> {
                try (LineClient again = f.connect()) {
                    again.send("e LOGIN " + ALICE + " " + PASSWORD);
                    assertThat(again.lineStartingWith("e ")).startsWith("e OK");
                }
            });
        }
    }

    @Test
    void idleConnectionsAreLoggedOut() throws Exception {
        try (ServerFixture f = new ServerFixture(dir, BASE.withIdleTimeout(Duration.ofMillis(300)));
             LineClient client = f.connect()) {
            long start = System.nanoTime();
            assertThat(client.line()).isEqualTo("* BYE Autologout; idle for too long");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void activeConnectionsAreNotLoggedOut() throws Exception {
        try (ServerFixture f = new ServerFixture(dir, BASE.withIdleTimeout(Duration.ofMillis(400)));
             LineClient client = f.connect()) {
            // commands back to back for three times the timeout: traffic keeps resetting the timer
            long end = System.nanoTime() + Duration.ofMillis(1200).toNanos();
            for (int i = 0; System.nanoTime() < end; i++) {
                client.send("n" + i + " NOOP");
                assertThat(client.line()).isEqualTo("n" + i + " OK NOOP completed");
            }
        }
    }

    @Test
    void failedLoginsAreDelayedMoreAndMoreAcrossConnections() throws Exception {
        Limits limits = BASE.withAuthFailureDelay(Duration.ofMillis(200), Duration.ofMillis(500));
        try (ServerFixture f = new ServerFixture(dir, limits)) {
            List<Long> millis = new ArrayList<>();
            try (LineClient client = f.connect()) {
                for (int i = 0; i < 3; i++) {
                    long start = System.nanoTime();
                    client.send("a" + i + " LOGIN " + ALICE + " wrong");
                    assertThat(client.line()).isEqualTo("a" + i + " NO [AUTHENTICATIONFAILED] Authentication failed");
                    millis.add((System.nanoTime() - start) / 1_000_000);
                }
            }
            assertThat(millis.get(0)).isGreaterThanOrEqualTo(200);
            assertThat(millis.get(1)).isGreaterThanOrEqualTo(400);
            assertThat(millis.get(2)).as("capped").isGreaterThanOrEqualTo(500).isLessThan(3_000);
            // a new connection does not start over
            try (LineClient client = f.connect()) {
                long start = System.nanoTime();
                client.send("b LOGIN " + BOB + " wrong");
                assertThat(client.line()).startsWith("b NO [AUTHENTICATIONFAILED]");
                assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(500);
            }
        }
    }

    @Test
    void commandsPipelinedBehindAFailedLoginWaitForItsReply() throws Exception {
        Limits limits = BASE.withAuthFailureDelay(Duration.ofMillis(200), Duration.ofMillis(200));
        try (ServerFixture f = new ServerFixture(dir, limits); LineClient client = f.connect()) {
            client.send("a LOGIN " + ALICE + " wrong\r\nb NOOP\r\nc LOGIN " + ALICE + " " + PASSWORD);
            assertThat(client.line()).startsWith("a NO [AUTHENTICATIONFAILED]");
            assertThat(client.line()).isEqualTo("b OK NOOP completed");
            assertThat(client.line()).startsWith("c OK");
        }
    }

    @Test
    void failedSaslAuthenticationIsDelayedToo() throws Exception {
        Limits limits = BASE.withAuthFailureDelay(Duration.ofMillis(300), Duration.ofMillis(300));
        try (ServerFixture f = new ServerFixture(dir, limits); LineClient client = f.connect()) {
            String plain = java.util.Base64.getEncoder().encodeToString(
                    ("\0" + ALICE + "\0wrong").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            long start = System.nanoTime();
            client.send("a AUTHENTICATE PLAIN " + plain);
            assertThat(client.line()).startsWith("a NO [AUTHENTICATIONFAILED]");
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
        }
    }

    @Test
    void tooManyBadCommandsEndTheSession() throws Exception {
        try (ServerFixture f = new ServerFixture(dir, BASE.withMaxBadCommands(3)); LineClient client = f.connect()) {
            client.send("a FROBNICATE\r\nb FROBNICATE\r\nc FROBNICATE\r\nd NOOP");
            assertThat(client.lineStartingWith("c BAD")).startsWith("c BAD");
            assertThat(client.line()).isEqualTo("* BYE Too many invalid commands");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void commandsBeyondTheRateAreReadLaterNotRefused() throws Exception {
        try (ServerFixture f = new ServerFixture(dir, BASE.withCommandRate(20, 1)); LineClient client = f.connect()) {
            long start = System.nanoTime();
            for (int i = 0; i < 21; i++) {
                client.send("n" + i + " NOOP");
                assertThat(client.line()).isEqualTo("n" + i + " OK NOOP completed");
            }
            // one token at first, then 20 per second: the last of 21 commands is read after about a second
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(900);
        }
    }

    @Test
    void pipelinedBurstIsPacedToo() throws Exception {
        try (ServerFixture f = new ServerFixture(dir, BASE.withCommandRate(50, 5)); LineClient client = f.connect()) {
            long start = System.nanoTime();
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < 30; i++) {
                burst.append(i == 0 ? "" : "\r\n").append("p").append(i).append(" NOOP");
            }
            client.send(burst.toString());
            assertThat(client.lineStartingWith("p29 ")).isEqualTo("p29 OK NOOP completed");
            client.send("q NOOP"); // read only after the debt of the burst is paid: (30 - 5) / 50 s
            assertThat(client.line()).isEqualTo("q OK NOOP completed");
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(450);
        }
    }

    @Test
    void literalsAreSmallBeforeAuthenticationAndBoundedAfter() throws Exception {
        try (ServerFixture f = new ServerFixture(dir, b -> b.limits(BASE.withLiteralSizes(100, 2000)).appendLimit(2000));
             LineClient client = f.connect()) {
            client.send("a LOGIN {200}");
            assertThat(client.line()).startsWith("a BAD");
            client.send("b LOGIN " + ALICE + " " + PASSWORD);
            assertThat(client.lineStartingWith("b ")).startsWith("b OK");
            client.send("c APPEND INBOX {1500}");
            assertThat(client.line()).startsWith("+ ");
            client.send("Subject: x\r\n\r\n" + "y".repeat(1500 - 15));
            assertThat(client.lineStartingWith("c ")).startsWith("c OK");
            client.send("d APPEND INBOX {2500}");
            assertThat(client.line()).startsWith("d BAD");
        }
    }

    @Test
    void overlongLineEndsTheSession() throws Exception {
        try (ServerFixture f = new ServerFixture(dir, BASE.withMaxLineLength(1024)); LineClient client = f.connect()) {
            client.send("a LOGIN " + ALICE + " " + PASSWORD);
            assertThat(client.lineStartingWith("a ")).startsWith("a OK");
            client.send("b NOOP " + "x".repeat(2000));
            assertThat(client.lineStartingWith("* BYE")).startsWith("* BYE");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void stopSaysByeToOpenSessions() throws Exception {
        ServerFixture f = new ServerFixture(dir, BASE);
        try (LineClient client = f.connect()) {
            client.send("a LOGIN " + ALICE + " " + PASSWORD);
            assertThat(client.lineStartingWith("a ")).startsWith("a OK");
            f.close();
            assertThat(client.line()).isEqualTo("* BYE Server shutting down");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void sessionThreadsAreConfigured() throws Exception {
        try (ServerFixture f = new ServerFixture(dir, b -> b.sessionThreads(1).limits(BASE))) {
            List<LineClient> clients = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                clients.add(f.connect());
            }
            for (LineClient c : clients) {
                c.send("x NOOP");
                assertThat(c.line()).isEqualTo("x OK NOOP completed");
                c.close();
            }
            assertThat(Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("imap-session")).count()).isEqualTo(1);
        }
    }
}
