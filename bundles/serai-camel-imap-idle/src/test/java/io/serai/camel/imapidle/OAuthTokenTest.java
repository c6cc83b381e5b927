package io.serai.camel.imapidle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import io.serai.camel.imapidle.api.TokenSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One TokenSupplier for receiving (imap-idle:) and sending (camel-mail smtp: with TokenMailAuthenticator), over
 * SASL XOAUTH2 against GreenMail, which accepts XOAUTH2 and checks the bearer token as the user's password. The
 * proxies record the wire, so the tests see the exact SASL initial response.
 */
class OAuthTokenTest {

    private static final String TOKEN = "ya29.test-access-token";

    private final GreenMailFixture mail = new GreenMailFixture(TOKEN);
    private TcpProxy imapProxy;
    private TcpProxy smtpProxy;
    private RouteHarness route;

    @BeforeAll
    static void ignoreServerThreadErrors() {
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
    }

    @AfterEach
    void stop() throws Exception {
        if (route != null) {
            route.close();
        }
        imapProxy.close();
        smtpProxy.close();
        mail.close();
    }

    private static String xoauth2(String user, String token) {
        // https://developers.google.com/gmail/imap/xoauth2-protocol: user=..^Aauth=Bearer ..^A^A, base64
        String sasl = "user=" + user + "\u0001auth=Bearer " + token + "\u0001\u0001";
        return Base64.getEncoder().encodeToString(sasl.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void oneSupplierServesImapIdleAndCamelMailSmtp() throws Exception {
        imapProxy = new TcpProxy(mail.imapPort());
        smtpProxy = new TcpProxy(mail.smtpPort());
        AtomicInteger calls = new AtomicInteger();
        TokenSupplier tokens = user -> {
            calls.incrementAndGet();
            return TOKEN;
        };
        route = new RouteHarness("imap-idle:127.0.0.1:" + imapProxy.port() + "?username=" + GreenMailFixture.USER
                + "&tokenSupplier=#tokens", 0, context -> {
                    context.getRegistry().bind("tokens", tokens);
                    context.getRegistry().bind("tokenAuth", new TokenMailAuthenticator(GreenMailFixture.USER, tokens));
                });
        await().atMost(Duration.ofSeconds(10)).until(() -> route.consumer().mode() == ImapIdleMode.IDLE);
        assertThat(calls.get()).as("one token per IMAP connection").isEqualTo(1);

        route.context.createProducerTemplate().sendBodyAndHeader("smtp://127.0.0.1:" + smtpProxy.port()
                + "?authenticator=#tokenAuth&mail.smtp.auth.mechanisms=XOAUTH2&from=alice@example.com&to="
                + GreenMailFixture.USER, "sent with a token", "Subject", "oauth");

        await().atMost(Duration.ofSeconds(5)).until(() -> route.received.size() == 1);
        assertThat(route.subjects()).containsExactly("oauth");
        String expected = xoauth2(GreenMailFixture.USER, TOKEN);
        assertThat(imapProxy.clientText()).contains("AUTHENTICATE XOAUTH2 " + expected).doesNotContain(" LOGIN ");
        assertThat(smtpProxy.clientText()).contains("AUTH XOAUTH2 " + expected);
        assertThat(calls.get()).as("camel-mail asked the supplier for its send").isGreaterThan(1);
    }

    @Test
    void rejectedTokenLeavesTheConsumerDisconnectedWithTheError() throws Exception {
        imapProxy = new TcpProxy(mail.imapPort());
        smtpProxy = new TcpProxy(mail.smtpPort());
        AtomicInteger calls = new AtomicInteger();
        route = new RouteHarness("imap-idle:127.0.0.1:" + imapProxy.port() + "?username=" + GreenMailFixture.USER
                + "&tokenSupplier=#tokens&reconnectInitialDelay=50&reconnectMaxDelay=100", 0,
                context -> context.getRegistry().bind("tokens", (TokenSupplier) user -> {
                    calls.incrementAndGet();
                    return "expired";
                }));
        // a fresh token is asked for on every attempt, so a refreshed one would be picked up
        await().atMost(Duration.ofSeconds(10)).until(() -> calls.get() >= 3);
        assertThat(route.consumer().mode()).isEqualTo(ImapIdleMode.DISCONNECTED);
        assertThat(route.consumer().getLastError()).contains("AuthenticationFailedException");
        assertThat(imapProxy.clientText()).contains("AUTHENTICATE XOAUTH2 " + xoauth2(GreenMailFixture.USER, "expired"));
    }
}
