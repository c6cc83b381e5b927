package io.serai.camel.smtpd;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.sasl.InMemoryCredentialStore;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A SUBMISSION listener with TLS from Camel SSLContextParameters: STARTTLS, then AUTH, as Angus Mail does it. */
class SmtpdTlsTest extends CamelTestSupport {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path keys;
    private static Path keystore;

    private final BlockingQueue<Map<String, Object>> headers = new LinkedBlockingQueue<>();

    /** A throw-away self-signed key made by the JDK's keytool, so the tests need no key material in the tree. */
    @BeforeAll
    static void selfSignedKey() throws Exception {
        keystore = keys.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "smtpd", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).redirectOutput(new File(keys.toFile(), "keytool.log")).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }

    @Test
    void startTlsThenAuthOverSslContextParameters() throws Exception {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + keystore);
        store.setPassword(PASSWORD);
        store.setType("PKCS12");
        KeyManagersParameters keyManagers = new KeyManagersParameters();
        keyManagers.setKeyStore(store);
        keyManagers.setKeyPassword(PASSWORD);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setKeyManagers(keyManagers);
        context.getRegistry().bind("tls", tls);
        context.getRegistry().bind("users", new InMemoryCredentialStore().withUser("alice@example.org", "secret"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("smtpd:127.0.0.1:0?kind=SUBMISSION&sslContextParameters=#tls&credentialStore=#users"
                        + "&localDomains=example.org").routeId("submission")
                        .process(exchange -> headers.add(Map.copyOf(exchange.getIn().getHeaders())));
            }
        });
        Properties props = new Properties();
        props.put("mail.smtp.starttls.enable", "true");
        props.put("mail.smtp.starttls.required", "true");
        props.put("mail.smtp.ssl.trust", "*"); // the self-signed test key
        props.put("mail.smtp.auth", "true");
        AngusClient client = new AngusClient(
                ((SmtpdEndpoint) context.getRoute("submission").getEndpoint()).getLocalAddress(), props);

        String reply = client.send("alice@example.org", "secret", client.message(SmtpdRouteTest.RAW),
                "friend@elsewhere.example");

        assertThat(reply).startsWith("250 ");
        assertThat(headers.poll(10, TimeUnit.SECONDS))
                .containsEntry(SmtpdConstants.TLS, true)
                .containsEntry(SmtpdConstants.AUTHENTICATED_USER, "alice@example.org");
    }
}
