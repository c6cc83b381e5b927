package io.serai.smtp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.sasl.InMemoryCredentialStore;
import io.serai.sasl.Scram;
import io.serai.smtp.api.Limits;
import io.serai.smtp.api.SmtpServerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AUTH (RFC 4954), STARTTLS (RFC 3207) and the submission rules (RFC 6409) on the plain-Java session. */
class AuthAndTlsTest {

    @TempDir
    Path spool;

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void authIsNotOfferedBeforeTlsAndStartTlsResetsTheSession() throws Exception {
        SessionDriver d = new SessionDriver(Fixtures.submission().build(), false, spool);
        String ehlo = d.ehlo();
        assertThat(ehlo).endsWith("250-DSN\r\n250 STARTTLS\r\n").doesNotContain("AUTH");
        assertThat(d.send("AUTH PLAIN " + b64("\0alice@example.org\0secret")))
                .startsWith("538 5.7.11 Encryption required");
        assertThat(d.send("MAIL FROM:<alice@example.org>")).isEqualTo("530 5.7.0 Authentication required\r\n");
        assertThat(d.send("STARTTLS")).isEqualTo("220 2.0.0 Ready to start TLS\r\n");
        assertThat(d.last.action()).isEqualTo(Response.Action.START_TLS);
        assertThat(d.session.inputMode()).isEqualTo(InputMode.none());
        d.last = d.session.tlsStarted();
        assertThat(d.send("MAIL FROM:<alice@example.org>")).startsWith("503"); // EHLO again after TLS
        assertThat(d.ehlo()).contains("250 AUTH SCRAM-SHA-256 PLAIN LOGIN\r\n").doesNotContain("STARTTLS");
        assertThat(d.send("STARTTLS")).isEqualTo("503 5.5.1 TLS already active\r\n");
    }

    @Test
    void authPlainThenRelayAsAuthenticatedSubmission() throws Exception {
        SessionDriver d = new SessionDriver(Fixtures.submission().build(), true, spool);
        d.ehlo();
        assertThat(d.send("AUTH PLAIN " + b64("\0alice@example.org\0secret")))
                .isEqualTo("235 2.7.0 Authentication successful\r\n");
        assertThat(d.send("AUTH PLAIN =")).isEqualTo("503 5.5.1 Already authenticated\r\n");
        d.send("MAIL FROM:<alice@example.org> AUTH=<>");
        assertThat(d.send("RCPT TO:<friend@elsewhere.example>")).isEqualTo("250 2.1.5 Recipient OK\r\n");
        d.pipeline("DATA", "hi", ".");
        assertThat(d.last.delivery().envelope().authenticatedUser()).contains("alice@example.org");
        assertThat(d.deliveredContent()).contains("with ESMTPSA id TX1");
    }

    @Test
    void authLoginWithoutInitialResponseAndCancel() throws Exception {
        SessionDriver d = new SessionDriver(Fixtures.submission().build(), true, spool);
        d.ehlo();
        assertThat(d.send("AUTH LOGIN")).isEqualTo("334 VXNlcm5hbWU6\r\n");
        assertThat(d.send(b64("alice@example.org"))).isEqualTo("334 UGFzc3dvcmQ6\r\n");
        assertThat(d.send(b64("secret"))).isEqualTo("235 2.7.0 Authentication successful\r\n");

        SessionDriver c = new SessionDriver(Fixtures.submission().build(), true, spool);
        c.ehlo();
        c.send("AUTH LOGIN");
        assertThat(c.send("*")).isEqualTo("501 5.0.0 Authentication cancelled\r\n");
        c.send("AUTH PLAIN");
        assertThat(c.send("%%%")).isEqualTo("501 5.5.2 Invalid base64 data\r\n");
        assertThat(c.send("AUTH CRAM-MD5")).isEqualTo("504 5.5.4 Unrecognized authentication mechanism\r\n");
    }

    @Test
    void failedAuthIsThrottledAndLimited() throws Exception {
        SmtpServerConfig config = Fixtures.submission()
                .limits(Limits.defaults().withAuthFailures(2, Duration.ofMillis(10))).build();
        SessionDriver d = new SessionDriver(config, true, spool);
        d.ehlo();
        assertThat(d.send("AUTH PLAIN " + b64("\0alice@example.org\0wrong")))
                .isEqualTo("535 5.7.8 Authentication credentials invalid\r\n");
        assertThat(d.last.throttled()).isTrue();
        assertThat(d.last.action()).isEqualTo(Response.Action.CONTINUE);
        assertThat(d.send("AUTH PLAIN " + b64("\0mallory\0guess")))
                .isEqualTo("535 5.7.8 Authentication credentials invalid\r\n"
                        + "421 4.7.0 Too many authentication failures, closing connection\r\n");
        assertThat(d.last.action()).isEqualTo(Response.Action.CLOSE);
    }

    @Test
    void scramSha256OverSmtpWithTheRfc7677Vector() throws Exception {
        byte[] salt = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
        SmtpServerConfig config = Fixtures.submission()
                .credentials(new InMemoryCredentialStore().withCredential("user",
                        Scram.deriveCredential("pencil", salt, 4096))).build();
        SessionDriver d = new SessionDriver(config, true, spool, () -> "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0");
        d.ehlo();
        assertThat(d.send("AUTH SCRAM-SHA-256 " + b64("n,,n=user,r=rOprNGfwEbeRWgbNEkqO")))
                .isEqualTo("334 " + b64("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                        + "s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096") + "\r\n");
        // RFC 4954 §4: the server-final-message comes in a 334, answered by an empty line, then 235
        assertThat(d.send(b64("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=")))
                .isEqualTo("334 " + b64("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=") + "\r\n");
        assertThat(d.send("")).isEqualTo("235 2.7.0 Authentication successful\r\n");
        assertThat(d.session.authenticatedUser()).contains("user");
    }

    @Test
    void mtaNeverRelaysEvenWhenAuthenticated() throws Exception {
        SmtpServerConfig config = Fixtures.submission().kind(io.serai.smtp.api.ListenerKind.MTA).authOnMta(true).build();
        SessionDriver d = new SessionDriver(config, true, spool);
        d.ehlo();
        d.send("AUTH PLAIN " + b64("\0alice@example.org\0secret"));
        d.send("MAIL FROM:<alice@example.org>");
        assertThat(d.send("RCPT TO:<friend@elsewhere.example>")).isEqualTo("550 5.7.1 Relay access denied\r\n");
    }

    @Test
    void authDuringTransactionIsRefused() throws Exception {
        SessionDriver d = new SessionDriver(Fixtures.submission().build(), true, spool);
        d.ehlo();
        d.send("AUTH PLAIN " + b64("\0alice@example.org\0secret"));
        SessionDriver e = new SessionDriver(Fixtures.submission().kind(io.serai.smtp.api.ListenerKind.MTA)
                .authOnMta(true).build(), true, spool);
        e.ehlo();
        e.send("MAIL FROM:<x@y.example>");
        assertThat(e.send("AUTH PLAIN =")).isEqualTo("503 5.5.1 AUTH not allowed during a mail transaction\r\n");
    }
}
