package io.serai.imap.protocol.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthenticationTest {

    @TempDir
    Path dir;
    private SessionHarness h;

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    private static String plain(String user, String password) {
        return Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void plaintextGreetingAdvertisesStarttlsAndLogindisabled() throws Exception {
        h = new SessionHarness(dir, false, false);
        assertThat(h.greeting()).isEqualTo("* OK [CAPABILITY IMAP4rev1 IMAP4rev2 LITERAL+ ENABLE ID SASL-IR IDLE STARTTLS "
                + "AUTH=SCRAM-SHA-256 LOGINDISABLED] serai.test IMAP ready\r\n");
        assertThat(h.send("a LOGIN alice@example.org pencil"))
                .isEqualTo("a NO [PRIVACYREQUIRED] LOGIN needs TLS\r\n");
        assertThat(h.send("b AUTHENTICATE PLAIN " + plain(SessionHarness.USER, "pencil")))
                .isEqualTo("b NO [PRIVACYREQUIRED] PLAIN needs TLS\r\n");
        assertThat(h.session.state()).isEqualTo(SessionState.NOT_AUTHENTICATED);
    }

    @Test
    void starttlsIsOfferedOnlyBeforeTls() throws Exception {
        h = new SessionHarness(dir, false, false);
        assertThat(h.send("a STARTTLS")).isEqualTo("a OK Begin TLS negotiation now\r\n");
        assertThat(h.session.takeStartTls()).isTrue();
        assertThat(h.session.takeStartTls()).as("the flag is cleared once taken").isFalse();
        h.session.tlsStarted();
        assertThat(h.send("b CAPABILITY")).contains("AUTH=PLAIN").doesNotContain("STARTTLS")
                .doesNotContain("LOGINDISABLED");
        assertThat(h.send("c STARTTLS")).isEqualTo("c BAD TLS is already active\r\n");
        assertThat(h.session.takeStartTls()).isFalse();
        assertThat(h.send("d LOGIN alice@example.org pencil")).contains("d OK [CAPABILITY");
    }

    @Test
    void plaintextLoginWhenConfigured() throws Exception {
        h = new SessionHarness(dir, false, true);
        assertThat(h.greeting()).contains("AUTH=PLAIN").doesNotContain("LOGINDISABLED");
        assertThat(h.send("a LOGIN alice@example.org pencil")).startsWith("a OK [CAPABILITY IMAP4rev1 ")
                .contains(" NAMESPACE ").endsWith("] LOGIN completed\r\n");
        assertThat(h.session.state()).isEqualTo(SessionState.AUTHENTICATED);
    }

    @Test
    void loginOverTlsWithWrongAndRightPassword() throws Exception {
        h = new SessionHarness(dir, true, false);
        assertThat(h.greeting()).doesNotContain("STARTTLS").doesNotContain("LOGINDISABLED");
        assertThat(h.send("a LOGIN alice@example.org wrong"))
                .isEqualTo("a NO [AUTHENTICATIONFAILED] Authentication failed\r\n");
        assertThat(h.send("b LOGIN \"alice@example.org\" {6}\r\npencil")).contains("b OK [CAPABILITY");
        assertThat(h.send("c LOGIN alice@example.org pencil")).isEqualTo("c BAD LOGIN not allowed now\r\n");
    }

    @Test
    void authenticatePlainWithInitialResponse() throws Exception {
        h = new SessionHarness(dir, true, false);
        assertThat(h.send("a AUTHENTICATE PLAIN " + plain(SessionHarness.USER, "pencil")))
                .contains("a OK [CAPABILITY").endsWith("AUTHENTICATE completed\r\n");
        assertThat(h.session.state()).isEqualTo(SessionState.AUTHENTICATED);
    }

    @Test
    void authenticatePlainWithContinuationAndFailure() throws Exception {
        h = new SessionHarness(dir, true, false);
        assertThat(h.send("a AUTHENTICATE PLAIN")).isEqualTo("+ \r\n");
        assertThat(h.send(plain(SessionHarness.USER, "nope")))
                .isEqualTo("a NO [AUTHENTICATIONFAILED] Authentication failed\r\n");
        assertThat(h.send("b AUTHENTICATE PLAIN")).isEqualTo("+ \r\n");
        assertThat(h.send(plain(SessionHarness.USER, "pencil"))).contains("b OK [CAPABILITY");
    }

    @Test
    void authenticateCancelBadBase64AndUnknownMechanism() throws Exception {
        h = new SessionHarness(dir, true, false);
        assertThat(h.send("a AUTHENTICATE PLAIN")).isEqualTo("+ \r\n");
        assertThat(h.send("*")).isEqualTo("a BAD AUTHENTICATE cancelled\r\n");
        assertThat(h.send("b AUTHENTICATE PLAIN")).isEqualTo("+ \r\n");
        assertThat(h.send("!!!")).isEqualTo("b BAD Invalid base64\r\n");
        assertThat(h.send("c AUTHENTICATE GSSAPI")).isEqualTo("c NO [CANNOT] Unsupported mechanism\r\n");
        assertThat(h.send("d AUTHENTICATE PLAIN ###")).isEqualTo("d BAD Invalid base64\r\n");
        assertThat(h.session.state()).isEqualTo(SessionState.NOT_AUTHENTICATED);
    }

    @Test
    void commandsBeforeAuthenticationAndAnyStateCommands() throws Exception {
        h = new SessionHarness(dir, true, false);
        assertThat(h.send("a SELECT INBOX")).isEqualTo("a BAD SELECT not allowed now\r\n");
        assertThat(h.send("b NOOP")).isEqualTo("b OK NOOP completed\r\n");
        assertThat(h.send("c ID NIL")).isEqualTo("* ID (\"name\" \"Serai\")\r\nc OK ID completed\r\n");
        assertThat(h.send("d CAPABILITY")).startsWith("* CAPABILITY IMAP4rev1 ").endsWith("d OK CAPABILITY completed\r\n");
        assertThat(h.send("e FETCH 1 FLAGS")).isEqualTo("e BAD FETCH not allowed now\r\n");
        assertThat(h.send("e XFROB 1")).isEqualTo("e BAD Unknown command XFROB\r\n");
        assertThat(h.send("e IDLE")).isEqualTo("e BAD IDLE not allowed now\r\n");
        assertThat(h.send("")).isEmpty();
        assertThat(h.send("f LOGOUT")).isEqualTo("* BYE Logging out\r\nf OK LOGOUT completed\r\n");
        assertThat(h.session.closed()).isTrue();
        assertThat(h.send("g NOOP")).isEmpty();
    }

    @Test
    void fiveBadCommandsInARowEndTheSession() throws Exception {
        h = new SessionHarness(dir, true, false);
        for (int i = 0; i < 4; i++) {
            assertThat(h.send("x" + i + " FROB")).isEqualTo("x" + i + " BAD Unknown command FROB\r\n");
        }
        assertThat(h.send("ok NOOP")).as("a good command resets the count").isEqualTo("ok OK NOOP completed\r\n");
        for (int i = 0; i < 4; i++) {
            assertThat(h.send("y" + i + " FROB")).isEqualTo("y" + i + " BAD Unknown command FROB\r\n");
        }
        assertThat(h.send("z FROB")).isEqualTo("z BAD Unknown command FROB\r\n* BYE Too many invalid commands\r\n");
        assertThat(h.session.closed()).isTrue();
    }

    @Test
    void fatalDecodeErrorEndsTheSession() throws Exception {
        h = new SessionHarness(dir, true, false);
        var responses = h.session.decodeError(new io.serai.imap.protocol.decode.DecodeException("t", "Line too long",
                true));
        assertThat(responses).hasSize(2);
        assertThat(h.session.closed()).isTrue();
    }
}
