package io.serai.smtp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.smtp.api.ListenerKind;
import io.serai.sasl.TrustedNetworks;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STARTTLS (RFC 3207), implicit TLS (RFC 8314) and AUTH over them, with a certificate made at test time. */
class TlsConversationTest {

    private static TestTls tls;

    @TempDir
    Path spool;
    private ServerFixture fixture;

    @BeforeAll
    static void certificate() throws Exception {
        tls = new TestTls();
    }

    @BeforeEach
    void setUp() {
        fixture = new ServerFixture(spool);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private static String plain(String user, String password) {
        return Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void plaintextPipelinedAfterStartTlsIsDiscarded() throws Exception {
        // loopback not trusted here, so that the client is treated as one from any other network
        InetSocketAddress address = fixture.start(ListenerKind.SUBMISSION, b -> b.sslContext(tls.server)
                .trustedNetworks(TrustedNetworks.NONE));
        try (RawClient c = new RawClient(address)) {
            c.reply();
            assertThat(c.send("EHLO client.example\r\n").reply()).contains("250 STARTTLS").doesNotContain("AUTH");
            // the injected commands ride in the same packet as STARTTLS (CVE-2011-0411 style)
            c.send("STARTTLS\r\nMAIL FROM:<evil@remote.example>\r\nNOOP\r\n");
            assertThat(c.reply()).isEqualTo("220 2.0.0 Ready to start TLS\r\n");
            c.upgrade(tls.client);
            // the first reply over TLS answers our EHLO: nothing injected was executed
            String ehlo = c.send("EHLO client.example\r\n").reply();
            assertThat(ehlo).startsWith("250-mx.example.org greets client.example\r\n")
                    .contains("250 AUTH SCRAM-SHA-256 PLAIN LOGIN\r\n").doesNotContain("STARTTLS");
            assertThat(c.send("MAIL FROM:<alice@example.org>\r\n").reply()).startsWith("530 5.7.0");
            assertThat(c.send("AUTH PLAIN " + plain("alice@example.org", "secret") + "\r\n").reply())
                    .isEqualTo("235 2.7.0 Authentication successful\r\n");
            c.send("MAIL FROM:<alice@example.org>\r\nRCPT TO:<friend@elsewhere.example>\r\nDATA\r\n");
            assertThat(c.replies(3)).isEqualTo("250 2.1.0 Sender OK\r\n250 2.1.5 Recipient OK\r\n"
                    + "354 End data with <CR><LF>.<CR><LF>\r\n");
            assertThat(c.send("Subject: relayed\r\n\r\nhi\r\n.\r\n").reply()).startsWith("250 2.0.0 OK queued as");
        }
        RecordingHandler.Received r = fixture.handler.received.take();
        assertThat(r.envelope().tls()).isTrue();
        assertThat(r.envelope().authenticatedUser()).contains("alice@example.org");
        assertThat(new String(r.content(), StandardCharsets.UTF_8)).contains("with ESMTPSA id");
    }

    @Test
    void authIsRefusedBeforeTlsUnlessConfigured() throws Exception {
        InetSocketAddress strict = fixture.start(ListenerKind.SUBMISSION, b -> b.sslContext(tls.server)
                .trustedNetworks(TrustedNetworks.parse("10.0.0.0/8, ::1/128")));
        try (RawClient c = new RawClient(strict)) {
            c.reply();
            c.send("EHLO client.example\r\n").reply();
            assertThat(c.send("AUTH PLAIN " + plain("alice@example.org", "secret") + "\r\n").reply())
                    .startsWith("538 5.7.11");
        }
        InetSocketAddress lax = fixture.start(ListenerKind.SUBMISSION, b -> b.authWithoutTls(true)
                .trustedNetworks(TrustedNetworks.NONE));
        try (RawClient c = new RawClient(lax)) {
            c.reply();
            assertThat(c.send("EHLO client.example\r\n").reply()).contains("AUTH SCRAM-SHA-256 PLAIN LOGIN");
            assertThat(c.send("AUTH PLAIN " + plain("alice@example.org", "secret") + "\r\n").reply()).startsWith("235");
        }
    }

    /** Loopback is trusted by default (as Dovecot does): AUTH PLAIN/LOGIN before STARTTLS, and mail accepted. */
    @Test
    void loopbackClientsAuthenticateWithoutTlsByDefault() throws Exception {
        InetSocketAddress address = fixture.start(ListenerKind.SUBMISSION, b -> b.sslContext(tls.server));
        try (RawClient c = new RawClient(address)) {
            c.reply();
            assertThat(c.send("EHLO client.example\r\n").reply()).contains("250-STARTTLS\r\n")
                    .contains("250 AUTH SCRAM-SHA-256 PLAIN LOGIN\r\n");
            assertThat(c.send("AUTH PLAIN " + plain("alice@example.org", "secret") + "\r\n").reply())
                    .isEqualTo("235 2.7.0 Authentication successful\r\n");
            c.send("MAIL FROM:<alice@example.org>\r\nRCPT TO:<friend@elsewhere.example>\r\nDATA\r\n");
            assertThat(c.replies(3)).startsWith("250 2.1.0 Sender OK\r\n");
            assertThat(c.send("Subject: local\r\n\r\nhi\r\n.\r\n").reply()).startsWith("250 2.0.0 OK queued as");
        }
        RecordingHandler.Received r = fixture.handler.received.take();
        assertThat(r.envelope().tls()).isFalse();
        assertThat(r.envelope().authenticatedUser()).contains("alice@example.org");
    }

    @Test
    void implicitTlsSubmission() throws Exception {
        InetSocketAddress address = fixture.start(ListenerKind.SUBMISSIONS, b -> b.sslContext(tls.server));
        try (RawClient c = RawClient.tls(address, tls.client)) {
            assertThat(c.reply()).isEqualTo("220 mx.example.org ESMTP Serai\r\n");
            assertThat(c.send("EHLO client.example\r\n").reply()).contains("AUTH").doesNotContain("STARTTLS");
            assertThat(c.send("AUTH PLAIN " + plain("alice@example.org", "wrong") + "\r\n").reply())
                    .startsWith("535 5.7.8");
            assertThat(c.send("AUTH LOGIN\r\n").reply()).isEqualTo("334 VXNlcm5hbWU6\r\n");
            c.send(Base64.getEncoder().encodeToString("alice@example.org".getBytes(StandardCharsets.UTF_8)) + "\r\n");
            assertThat(c.reply()).isEqualTo("334 UGFzc3dvcmQ6\r\n");
            c.send(Base64.getEncoder().encodeToString("secret".getBytes(StandardCharsets.UTF_8)) + "\r\n");
            assertThat(c.reply()).startsWith("235 2.7.0");
        }
    }

    @Test
    void failedAuthRepliesAreDelayedAndLimited() throws Exception {
        InetSocketAddress address = fixture.start(ListenerKind.SUBMISSIONS, b -> b.sslContext(tls.server)
                .limits(io.serai.smtp.api.Limits.defaults().withAuthFailures(2, java.time.Duration.ofMillis(400))));
        try (RawClient c = RawClient.tls(address, tls.client)) {
            c.reply();
            c.send("EHLO client.example\r\n").reply();
            long start = System.nanoTime();
            c.send("AUTH PLAIN " + plain("alice@example.org", "wrong") + "\r\nNOOP\r\n");
            assertThat(c.silentFor(200)).isTrue();
            assertThat(c.replies(2)).isEqualTo("535 5.7.8 Authentication credentials invalid\r\n250 2.0.0 OK\r\n");
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(400_000_000L);
            c.send("AUTH PLAIN " + plain("alice@example.org", "wrong2") + "\r\n");
            assertThat(c.replies(2)).endsWith("421 4.7.0 Too many authentication failures, closing connection\r\n");
            assertThat(c.closedByServer()).isTrue();
        }
    }
}
