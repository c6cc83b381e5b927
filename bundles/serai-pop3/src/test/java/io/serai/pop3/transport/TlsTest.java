package io.serai.pop3.transport;

import static io.serai.pop3.testing.TestStore.ALICE;
import static io.serai.pop3.testing.TestStore.PLAIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.serai.pop3.testing.ScramClient;
import io.serai.pop3.testing.TestCertificate;
import io.serai.sasl.TrustedNetworks;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STLS (RFC 2595), implicit TLS (RFC 8314) and SASL over sockets. */
class TlsTest {

    static TestCertificate tls;

    @TempDir
    Path dir;
    ServerFixture fixture;

    @BeforeAll
    static void certificate() throws Exception {
        tls = new TestCertificate();
    }

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
    void stlsDiscardsPlaintextPipelinedBehindIt() throws Exception {
        // loopback not trusted, so that clear-text logins are refused before TLS as from any other network
        InetSocketAddress address = fixture.start(b -> b.sslContext(tls.serverContext)
                .trustedNetworks(TrustedNetworks.NONE));
        try (LineClient c = new LineClient(address)) {
            c.line();
            assertThat(c.send("CAPA\r\n").multiLine()).contains("STLS\r\n", "SASL SCRAM-SHA-256\r\n")
                    .doesNotContain("USER");
            // an attacker's injected USER/PASS rides behind STLS in the same packet (RFC 2595 §4, CVE-2011-0411)
            c.send("STLS\r\nUSER " + ALICE + "\r\nPASS pencil\r\n");
            assertThat(c.line()).isEqualTo("+OK begin TLS negotiation\r\n");
            c.startTls(tls.clientContext);
            // the first reply over TLS answers our CAPA: nothing injected was executed
            assertThat(c.send("CAPA\r\n").multiLine()).contains("USER\r\n", "SASL SCRAM-SHA-256 PLAIN LOGIN\r\n")
                    .doesNotContain("STLS");
            assertThat(c.send("PASS pencil\r\n").line()).isEqualTo("-ERR USER first\r\n");
            assertThat(c.send("AUTH PLAIN " + ScramClient.plain(ALICE, "pencil") + "\r\n").line())
                    .startsWith("+OK maildrop has 1 messages");
            assertThat(c.send("RETR 1\r\n").multiLine()).isEqualTo("+OK " + PLAIN.length() + " octets\r\n" + PLAIN + ".\r\n");
        }
    }

    @Test
    void implicitTlsFromTheFirstByte() throws Exception {
        InetSocketAddress address = fixture.start(b -> b.implicitTls(tls.serverContext));
        try (LineClient c = LineClient.tls(address, tls.clientContext)) {
            assertThat(c.line()).isEqualTo("+OK pop.example.org Serai POP3 server ready\r\n");
            assertThat(c.send("CAPA\r\n").multiLine()).contains("USER\r\n").doesNotContain("STLS");
            assertThat(c.send("STLS\r\n").line()).isEqualTo("-ERR STLS not available\r\n");
            c.send("USER " + ALICE + "\r\nPASS pencil\r\nUIDL\r\nQUIT\r\n");
            assertThat(c.line()).isEqualTo("+OK send PASS\r\n");
            assertThat(c.line()).startsWith("+OK maildrop has 1 messages");
            assertThat(c.multiLine()).matches("(?s)\\+OK unique-id listing follows\r\n1 \\d+\\.\\d+\r\n\\.\r\n");
            assertThat(c.line()).startsWith("+OK pop.example.org POP3 server signing off");
        }
    }

    @Test
    void scramSha256OverASocket() throws Exception {
        InetSocketAddress address = fixture.start(b -> b);
        try (LineClient c = new LineClient(address)) {
            c.line();
            ScramClient scram = new ScramClient(ALICE, "pencil");
            String serverFirst = c.send("AUTH SCRAM-SHA-256 " + scram.first() + "\r\n").line();
            assertThat(serverFirst).startsWith("+ ");
            String serverFinal = c.send(scram.last(serverFirst.substring(2).trim()) + "\r\n").line();
            assertThat(scram.verify(serverFinal.substring(2).trim())).isTrue();
            assertThat(c.send("\r\n").line()).startsWith("+OK maildrop has 1 messages");
        }
    }

    @Test
    void aFailedHandshakeClosesTheConnection() throws Exception {
        InetSocketAddress address = fixture.start(b -> b.implicitTls(tls.serverContext));
        try (LineClient c = new LineClient(address)) {
            c.send("USER plaintext\r\n");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void implicitTlsRefusesOverTheLimitWithoutPlaintext() throws Exception {
        InetSocketAddress address = fixture.start(b -> b.implicitTls(tls.serverContext)
                .limits(io.serai.pop3.api.Limits.defaults().withConnections(1, 1)));
        try (LineClient first = LineClient.tls(address, tls.clientContext)) {
            assertThat(first.line()).startsWith("+OK");
            try (LineClient refused = new LineClient(address)) {
                assertThat(refused.closedByServer()).as("closed, and no plaintext -ERR").isTrue();
            }
        }
    }

    /** Loopback is trusted by default (as Dovecot does): USER/PASS and AUTH PLAIN are offered without STLS. */
    @Test
    void loopbackLogsInInClearTextByDefault() throws Exception {
        InetSocketAddress address = fixture.start(b -> b.sslContext(tls.serverContext));
        try (LineClient c = new LineClient(address)) {
            c.line();
            assertThat(c.send("CAPA\r\n").multiLine()).contains("STLS\r\n", "USER\r\n",
                    "SASL SCRAM-SHA-256 PLAIN LOGIN\r\n");
            assertThat(c.send("USER " + ALICE + "\r\n").line()).isEqualTo("+OK send PASS\r\n");
            assertThat(c.send("PASS pencil\r\n").line()).startsWith("+OK maildrop has 1 messages");
        }
    }

    @Test
    void aTrustedNetworkThatDoesNotHoldTheClientNeedsTls() throws Exception {
        InetSocketAddress address = fixture.start(b -> b.sslContext(tls.serverContext)
                .trustedNetworks(TrustedNetworks.parse("10.0.0.0/8 ::1/128")));
        try (LineClient c = new LineClient(address)) {
            c.line();
            assertThat(c.send("CAPA\r\n").multiLine()).contains("SASL SCRAM-SHA-256\r\n").doesNotContain("USER");
            assertThat(c.send("AUTH PLAIN " + ScramClient.plain(ALICE, "pencil") + "\r\n").line())
                    .startsWith("-ERR");
        }
    }
}
