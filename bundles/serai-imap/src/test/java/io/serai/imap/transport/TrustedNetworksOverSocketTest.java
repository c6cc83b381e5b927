package io.serai.imap.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.imap.api.TlsMode;
import io.serai.sasl.TrustedNetworks;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A STARTTLS listener that does not allow clear-text logins in general: a client from a trusted network (loopback
 * by default, as Dovecot treats it) logs in without TLS; with no trusted network, or one that does not hold the
 * client, LOGIN is refused until TLS (RFC 9051 §6.2.3, LOGINDISABLED).
 */
class TrustedNetworksOverSocketTest {

    private static TestCertificate certificate;

    @TempDir
    Path dir;

    @BeforeAll
    static void certificate() throws Exception {
        certificate = new TestCertificate();
    }

    @Test
    void loopbackIsTrustedByDefault() throws Exception {
        try (ServerFixture f = new ServerFixture(dir, b -> b.allowPlaintextAuth(false)
                .tls(TlsMode.STARTTLS, certificate.server));
             LineClient c = f.connect()) {
            c.send("a CAPABILITY");
            assertThat(c.lineStartingWith("* CAPABILITY")).contains("AUTH=PLAIN").doesNotContain("LOGINDISABLED");
            c.lineStartingWith("a OK");
            c.send("b LOGIN " + ServerFixture.ALICE + " " + ServerFixture.PASSWORD);
            assertThat(c.lineStartingWith("b ")).startsWith("b OK");
            c.send("c AUTHENTICATE PLAIN AGFsaWNlQGV4YW1wbGUub3JnAHBlbmNpbA==");
            assertThat(c.lineStartingWith("c ")).startsWith("c BAD"); // already authenticated: the login counted
        }
    }

    @Test
    void withNoTrustedNetworkLoopbackNeedsTls() throws Exception {
        assertLoginRefused(TrustedNetworks.NONE);
    }

    @Test
    void aNetworkThatDoesNotHoldTheClientDoesNotHelp() throws Exception {
        assertLoginRefused(TrustedNetworks.parse("10.0.0.0/8, 192.168.1.7, fd00::/8"));
    }

    @Test
    void anExplicitBlockHoldingTheClientIsTrusted() throws Exception {
        try (ServerFixture f = new ServerFixture(dir, b -> b.allowPlaintextAuth(false)
                .tls(TlsMode.STARTTLS, certificate.server).trustedNetworks(TrustedNetworks.parse("127.0.0.1/32")));
             LineClient c = f.connect()) {
            c.send("a AUTHENTICATE PLAIN AGFsaWNlQGV4YW1wbGUub3JnAHBlbmNpbA==");
            assertThat(c.lineStartingWith("a ")).startsWith("a OK");
        }
    }

    private void assertLoginRefused(TrustedNetworks trusted) throws Exception {
        try (ServerFixture f = new ServerFixture(dir, b -> b.allowPlaintextAuth(false)
                .tls(TlsMode.STARTTLS, certificate.server).trustedNetworks(trusted));
             LineClient c = f.connect()) {
            c.send("a CAPABILITY");
            assertThat(c.lineStartingWith("* CAPABILITY")).contains("LOGINDISABLED").doesNotContain("AUTH=PLAIN");
            c.lineStartingWith("a OK");
            c.send("b LOGIN " + ServerFixture.ALICE + " " + ServerFixture.PASSWORD);
            assertThat(c.lineStartingWith("b ")).isEqualTo("b NO [PRIVACYREQUIRED] LOGIN needs TLS");
        }
    }
}
