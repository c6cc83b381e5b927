package io.serai.camel.imapidle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ssl=true (imaps) with one SSLContextParameters that trusts GreenMail's own certificate, and no other. */
class ImplicitTlsTest {

    private final GreenMail greenMail = new GreenMail(new ServerSetup[] {
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS)});
    private RouteHarness route;

    @AfterEach
    void stop() {
        if (route != null) {
            route.close();
        }
        greenMail.stop();
    }

    private static SSLContextParameters trustingGreenMail() {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("classpath:greenmail.p12");
        store.setPassword("changeit");
        store.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }

    @Test
    void receivesOverImapsWithSslContextParameters() throws Exception {
        greenMail.start();
        greenMail.setUser(GreenMailFixture.USER, GreenMailFixture.USER, GreenMailFixture.PASSWORD);
        route = new RouteHarness("imap-idle:127.0.0.1:" + greenMail.getImaps().getPort() + "?ssl=true"
                + "&sslContextParameters=#tls&checkServerIdentity=false&username=" + GreenMailFixture.USER
                + "&password=" + GreenMailFixture.PASSWORD, 0,
                context -> context.getRegistry().bind("tls", trustingGreenMail()));
        await().atMost(Duration.ofSeconds(10)).until(() -> route.consumer().mode() == ImapIdleMode.IDLE);
        com.icegreen.greenmail.util.GreenMailUtil.sendTextEmail(GreenMailFixture.USER, "alice@example.com",
                "over tls", "body", greenMail.getSmtp().getServerSetup());
        await().atMost(Duration.ofSeconds(5)).until(() -> route.received.size() == 1);
        assertThat(route.subjects()).containsExactly("over tls");
    }

    @Test
    void untrustedCertificateKeepsTheConsumerDisconnected() throws Exception {
        greenMail.start();
        greenMail.setUser(GreenMailFixture.USER, GreenMailFixture.USER, GreenMailFixture.PASSWORD);
        // default trust (the JDK's CAs): GreenMail's self-signed certificate must be refused
        route = new RouteHarness("imap-idle:127.0.0.1:" + greenMail.getImaps().getPort() + "?ssl=true"
                + "&sslContextParameters=#tls&username=" + GreenMailFixture.USER + "&password="
                + GreenMailFixture.PASSWORD + "&reconnectInitialDelay=50&reconnectMaxDelay=100", 0,
                context -> context.getRegistry().bind("tls", new SSLContextParameters()));
        await().atMost(Duration.ofSeconds(10)).until(() -> route.consumer().getLastError() != null);
        assertThat(route.consumer().mode()).isEqualTo(ImapIdleMode.DISCONNECTED);
        assertThat(route.consumer().getLastError()).containsIgnoringCase("certif");
    }
}
