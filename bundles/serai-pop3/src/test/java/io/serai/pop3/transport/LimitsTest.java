package io.serai.pop3.transport;

import static io.serai.pop3.testing.TestStore.ALICE;
import static io.serai.pop3.testing.TestStore.PLAIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.serai.pop3.api.Limits;
import io.serai.sasl.TrustedNetworks;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every limit of {@link Limits}, enforced over a socket. */
class LimitsTest {

    @TempDir
    Path dir;
    ServerFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new ServerFixture(dir);
        fixture.store.append(ALICE, PLAIN);
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void anOverlongLineIsSkippedNotBuffered() throws Exception {
        InetSocketAddress address = fixture.start(b -> b.limits(Limits.defaults().withMaxLineLength(300))
                .trustedNetworks(TrustedNetworks.NONE)); // USER is refused without TLS: answers -ERR [AUTH]
        try (LineClient c = new LineClient(address)) {
            c.line();
            c.send("NOOP " + "x".repeat(5000) + "\r\nQUIT\r\n");
            assertThat(c.line()).isEqualTo("-ERR line too long\r\n");
            assertThat(c.line()).isEqualTo("+OK pop.example.org POP3 server signing off\r\n");
        }
        try (LineClient c = new LineClient(address)) {
            c.line();
            // 298 octets + CRLF = 300: still allowed
            assertThat(c.send("USER " + "a".repeat(293) + "\r\n").line()).startsWith("-ERR [AUTH]");
        }
    }

    @Test
    void failedLoginsAreDelayedAndThenDisconnected() throws Exception {
        InetSocketAddress address = fixture.start(b -> b.userWithoutTls(true)
                .limits(Limits.defaults().withAuthFailures(2, Duration.ofMillis(300))));
        try (LineClient c = new LineClient(address)) {
            c.line();
            long start = System.nanoTime();
            c.send("USER " + ALICE + "\r\nPASS wrong\r\nNOOP\r\n");
            assertThat(c.line()).isEqualTo("+OK send PASS\r\n");
            assertThat(c.silentFor(150)).as("the failure is held back").isTrue();
            assertThat(c.line()).isEqualTo("-ERR [AUTH] invalid credentials\r\n");
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(300_000_000L);
            assertThat(c.line()).as("pipelined NOOP after the delay").isEqualTo("-ERR command not valid in AUTHORIZATION state\r\n");
            // a guess pipelined behind the last allowed failure must not be tried
            c.send("USER " + ALICE + "\r\nPASS wrong again\r\nUSER " + ALICE + "\r\nPASS pencil\r\n");
            c.line();
            assertThat(c.line()).isEqualTo("-ERR [AUTH] too many failed logins\r\n");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void connectionsAreCappedInTotalAndPerAddress() throws Exception {
        InetSocketAddress address = fixture.start(b -> b.limits(Limits.defaults().withConnections(10, 2)));
        // one after the other: connections are accepted on several I/O threads, so their order is not fixed
        try (LineClient a = new LineClient(address)) {
            assertThat(a.line()).startsWith("+OK");
            try (LineClient b = new LineClient(address)) {
                assertThat(b.line()).startsWith("+OK");
                try (LineClient refused = new LineClient(address)) {
                    assertThat(refused.line()).isEqualTo("-ERR [SYS/TEMP] too many connections\r\n");
                    assertThat(refused.closedByServer()).isTrue();
                }
            }
        }
        InetSocketAddress small = fixture.start(b -> b.limits(Limits.defaults().withConnections(1, 5)));
        try (LineClient a = new LineClient(small)) {
            assertThat(a.line()).startsWith("+OK");
            try (LineClient refused = new LineClient(small)) {
                assertThat(refused.line()).isEqualTo("-ERR [SYS/TEMP] too many connections\r\n");
            }
        }
        // the slots are given back once the server has seen the closes
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            try (LineClient again = new LineClient(small)) {
                assertThat(again.line()).startsWith("+OK");
            }
        });
    }

    @Test
    void theAutologoutTimerClosesIdleSessionsWithoutUpdate() throws Exception {
        InetSocketAddress address = fixture.start(b -> b.userWithoutTls(true)
                .limits(Limits.defaults().withIdleTimeout(Duration.ofMillis(400))));
        try (LineClient c = new LineClient(address)) {
            c.line();
            c.send("USER " + ALICE + "\r\nPASS pencil\r\nDELE 1\r\n");
            c.line();
            c.line();
            assertThat(c.line()).isEqualTo("+OK message 1 deleted\r\n");
            long start = System.nanoTime();
            assertThat(c.line()).isEqualTo("-ERR autologout timer expired\r\n");
            assertThat(System.nanoTime() - start).isGreaterThan(200_000_000L);
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(fixture.store.count(ALICE)).isEqualTo(1);
    }

    @Test
    void defaultsFollowTheRfcs() {
        Limits d = Limits.defaults();
        assertThat(d.idleTimeout()).isGreaterThanOrEqualTo(Duration.ofMinutes(10)); // RFC 1939 §3
        assertThat(d.maxLineLength()).isGreaterThanOrEqualTo(255); // RFC 2449 §4
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> d.withMaxLineLength(100))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
