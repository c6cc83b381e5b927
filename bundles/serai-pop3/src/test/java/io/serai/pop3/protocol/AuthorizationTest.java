package io.serai.pop3.protocol;

import static io.serai.pop3.testing.TestStore.ALICE;
import static io.serai.pop3.testing.TestStore.PLAIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.serai.pop3.api.MaildropLocks;
import io.serai.pop3.api.Pop3EventListener;
import io.serai.pop3.api.Pop3ServerConfig;
import io.serai.pop3.testing.ScramClient;
import io.serai.pop3.testing.TestStore;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AUTHORIZATION state: CAPA, USER/PASS, AUTH (RFC 5034), STLS (RFC 2595), locks and response codes. */
class AuthorizationTest {

    @TempDir
    Path dir;
    TestStore store;

    @BeforeEach
    void fill() throws Exception {
        store = new TestStore(dir);
        store.append(ALICE, PLAIN);
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    private SessionDriver driver(boolean tls, UnaryOperator<Pop3ServerConfig.Builder> options) {
        return new SessionDriver(options.apply(SessionDriver.config(store.store, new Pop3EventListener() { }))
                .build(), tls);
    }

    @Test
    void greetingAndCapaBeforeTlsHideClearTextLogins() throws Exception {
        SSLContext context = SSLContext.getDefault();
        SessionDriver d = driver(false, b -> b.sslContext(context));
        assertThat(d.greeting()).isEqualTo("+OK pop.example.org Serai POP3 server ready\r\n");
        assertThat(d.send("CAPA")).isEqualTo("+OK capability list follows\r\nTOP\r\nUIDL\r\nSASL SCRAM-SHA-256\r\n"
                + "STLS\r\nRESP-CODES\r\nAUTH-RESP-CODE\r\nPIPELINING\r\nIMPLEMENTATION Serai\r\n.\r\n");
        assertThat(d.send("USER " + ALICE)).isEqualTo("-ERR [AUTH] USER requires TLS; use STLS first\r\n");
        assertThat(d.send("AUTH PLAIN " + ScramClient.plain(ALICE, "pencil")))
                .isEqualTo("-ERR unsupported or not allowed here: PLAIN\r\n");
        assertThat(d.send("STLS")).isEqualTo("+OK begin TLS negotiation\r\n");
        assertThat(d.last.action()).isEqualTo(Response.Action.START_TLS);
        d.session.tlsStarted();
        assertThat(d.send("CAPA")).isEqualTo("+OK capability list follows\r\nTOP\r\nUIDL\r\nUSER\r\n"
                + "SASL SCRAM-SHA-256 PLAIN LOGIN\r\nRESP-CODES\r\nAUTH-RESP-CODE\r\nPIPELINING\r\n"
                + "IMPLEMENTATION Serai\r\n.\r\n");
        assertThat(d.send("STLS")).isEqualTo("-ERR STLS not available\r\n");
        d.send("USER " + ALICE);
        assertThat(d.send("PASS pencil")).startsWith("+OK maildrop has 1 messages");
    }

    @Test
    void userWithoutTlsWhenConfigured() {
        SessionDriver d = driver(false, b -> b.userWithoutTls(true));
        assertThat(d.send("CAPA")).contains("\r\nUSER\r\n", "SASL SCRAM-SHA-256 PLAIN LOGIN\r\n")
                .doesNotContain("STLS");
        assertThat(d.send("STLS")).isEqualTo("-ERR STLS not available\r\n");
        assertThat(d.send("PASS pencil")).isEqualTo("-ERR USER first\r\n");
        assertThat(d.send("USER")).isEqualTo("-ERR USER needs a name\r\n");
        assertThat(d.send("STAT")).isEqualTo("-ERR command not valid in AUTHORIZATION state\r\n");
    }

    @Test
    void failedLoginsAreThrottledThenDisconnected() {
        SessionDriver d = driver(true, b -> b);
        d.send("USER " + ALICE);
        assertThat(d.send("PASS wrong")).isEqualTo("-ERR [AUTH] invalid credentials\r\n");
        assertThat(d.last.throttled()).isTrue();
        assertThat(d.last.action()).isEqualTo(Response.Action.CONTINUE);
        d.send("USER nobody@example.org");
        assertThat(d.send("PASS pencil")).isEqualTo("-ERR [AUTH] invalid credentials\r\n");
        assertThat(d.send("AUTH PLAIN " + ScramClient.plain(ALICE, "nope")))
                .isEqualTo("-ERR [AUTH] too many failed logins\r\n");
        assertThat(d.last.throttled()).isTrue();
        assertThat(d.last.action()).isEqualTo(Response.Action.CLOSE);
    }

    @Test
    void authPlainWithAndWithoutInitialResponse() {
        SessionDriver d = driver(true, b -> b);
        assertThat(d.send("AUTH PLAIN " + ScramClient.plain(ALICE, "pencil"))).startsWith("+OK maildrop has 1 ");
        SessionDriver e = driver(true, b -> b);
        e.session.closed();
        SessionDriver f = driver(true, b -> b.locks(new MaildropLocks()));
        assertThat(f.send("AUTH PLAIN")).isEqualTo("+ \r\n");
        assertThat(f.send(ScramClient.plain(ALICE, "pencil"))).startsWith("+OK maildrop has 1 ");
    }

    @Test
    void authLoginAndCancel() {
        SessionDriver d = driver(true, b -> b);
        assertThat(d.send("AUTH LOGIN")).isEqualTo("+ VXNlcm5hbWU6\r\n");
        assertThat(d.send("*")).isEqualTo("-ERR authentication cancelled\r\n");
        assertThat(d.send("AUTH LOGIN")).isEqualTo("+ VXNlcm5hbWU6\r\n");
        assertThat(d.send("!!notbase64")).isEqualTo("-ERR malformed SASL response\r\n");
        assertThat(d.send("AUTH LOGIN " + ScramClient.b64(ALICE))).isEqualTo("+ UGFzc3dvcmQ6\r\n");
        assertThat(d.send(ScramClient.b64("pencil"))).startsWith("+OK maildrop has 1 ");
        assertThat(d.send("AUTH")).isEqualTo("-ERR command not valid in TRANSACTION state\r\n");
    }

    @Test
    void scramSha256EvenWithoutTls() throws Exception {
        SessionDriver d = driver(false, b -> b);
        ScramClient scram = new ScramClient(ALICE, "pencil");
        String serverFirst = d.send("AUTH SCRAM-SHA-256 " + scram.first());
        assertThat(serverFirst).startsWith("+ ").endsWith("\r\n");
        String serverFinal = d.send(scram.last(serverFirst.substring(2, serverFirst.length() - 2)));
        assertThat(serverFinal).startsWith("+ ");
        assertThat(scram.verify(serverFinal.substring(2, serverFinal.length() - 2))).isTrue();
        assertThat(d.send("")).startsWith("+OK maildrop has 1 ");
    }

    @Test
    void aLockedMaildropAnswersInUse() {
        MaildropLocks locks = new MaildropLocks();
        SessionDriver first = driver(true, b -> b.locks(locks));
        first.send("USER " + ALICE);
        assertThat(first.send("PASS pencil")).startsWith("+OK");
        SessionDriver second = driver(true, b -> b.locks(locks));
        second.send("USER ALICE@example.org"); // the same account, whatever the case
        assertThat(second.send("PASS pencil")).isEqualTo("-ERR [IN-USE] maildrop already locked\r\n");
        assertThat(second.last.throttled()).isFalse();
        first.send("QUIT");
        second.send("USER " + ALICE);
        assertThat(second.send("PASS pencil")).startsWith("+OK");
    }

    @Test
    void quitInAuthorizationAndOtherEndings() {
        SessionDriver d = driver(true, b -> b);
        assertThat(d.send("QUIT")).isEqualTo("+OK pop.example.org POP3 server signing off\r\n");
        assertThat(d.last.action()).isEqualTo(Response.Action.CLOSE);
        assertThat(d.session.onLineTooLong().output()).asString().isEqualTo("-ERR line too long\r\n");
        assertThat(d.session.timeout().output()).asString().isEqualTo("-ERR autologout timer expired\r\n");
        assertThat(d.session.shutdown().output()).asString().isEqualTo("-ERR [SYS/TEMP] server shutting down\r\n");
    }
}
