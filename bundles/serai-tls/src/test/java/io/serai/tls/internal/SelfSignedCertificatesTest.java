package io.serai.tls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedCertificatesTest {

    @TempDir
    Path dir;

    @Test
    void generatedKeyStoreServesATlsHandshakeThatVerifiesTheHostName() throws Exception {
        Path file = dir.resolve("etc/serai-tls.p12");
        char[] password = "changeit".toCharArray();
        SelfSignedCertificates.generate(file, password, "mail.caravan.test");

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        X509Certificate certificate = (X509Certificate) store.getCertificate(SelfSignedCertificates.ALIAS);
        assertThat(certificate.getSubjectX500Principal().getName()).contains("CN=mail.caravan.test");
        java.util.List<Object> names = certificate.getSubjectAlternativeNames().stream()
                .map(n -> (Object) n.get(1)).toList();
        assertThat(names).contains("mail.caravan.test", "localhost", "127.0.0.1");

        SSLContext server = ServerSslContexts.fromKeyStore(file, "PKCS12", password);
        SSLContext client = trusting(store);
        try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Integer> served = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket accepted = (SSLSocket) listener.accept()) {
                    int b = accepted.getInputStream().read();
                    accepted.getOutputStream().write(b + 1);
                    accepted.getOutputStream().flush();
                    return b;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (SSLSocket socket = (SSLSocket) client.getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                var params = socket.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS"); // RFC 6125 host name check
                socket.setSSLParameters(params);
                OutputStream out = socket.getOutputStream();
                out.write(41);
                out.flush();
                assertThat(socket.getInputStream().read()).isEqualTo(42);
                assertThat(socket.getSession().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
            }
            assertThat(served.get()).isEqualTo(41);
        }
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        Path file = dir.resolve("tls.p12");
        SelfSignedCertificates.generate(file, "right".toCharArray(), "localhost");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> ServerSslContexts.fromKeyStore(file, "PKCS12", "wrong".toCharArray()))
                .isInstanceOf(java.io.IOException.class);
    }

    private static SSLContext trusting(KeyStore store) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("serai", store.getCertificate(SelfSignedCertificates.ALIAS));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
