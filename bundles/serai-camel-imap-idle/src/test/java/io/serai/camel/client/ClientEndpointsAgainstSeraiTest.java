package io.serai.camel.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.serai.camel.pop3d.Pop3dEndpoint;
import io.serai.camel.smtpd.SmtpdConstants;
import io.serai.camel.smtpd.SmtpdEndpoint;
import io.serai.sasl.InMemoryCredentialStore;
import io.serai.store.api.MailStore;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;
import jakarta.activation.DataHandler;
import jakarta.mail.util.ByteArrayDataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mail.MailMessage;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * camel-mail's client endpoints against Serai's own servers, all in one CamelContext: camel-mail {@code smtp:} /
 * {@code smtps:} sends to {@code smtpd:} listeners (MTA in plain text; SUBMISSION with STARTTLS and AUTH;
 * SUBMISSIONS with implicit TLS and AUTH) which deliver into the embedded store with {@code mailbox:}, and
 * camel-mail {@code pop3s:} downloads from a {@code pop3d:} listener with implicit TLS. One SSLContextParameters
 * (a throw-away self-signed key that is also the trust anchor) serves every server and every client. A non-ASCII
 * subject and attachment file name must come back as sent, with the attachment's bytes.
 */
class ClientEndpointsAgainstSeraiTest {

    private static final String PASSWORD = "changeit";
    private static final String ALICE = "alice@example.org";
    private static final String BOB = "bob@example.org";
    private static final String SECRET = "s3cret";
    private static final String SUBJECT = "Prüfbericht für Ørsted – 報告";
    private static final String FILE_NAME = "Übersicht März 2026 – 表.txt";
    private static final byte[] ATTACHMENT = "Zeile 1 ✓\r\nZeile 2\r\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path keys;
    private static Path keystore;

    @TempDir
    Path storeDir;

    private MailStore store;
    private CamelContext context;
    private final List<String> sessions = new CopyOnWriteArrayList<>();
    private final List<Downloaded> downloaded = new CopyOnWriteArrayList<>();

    /** What the pop3s: route saw, read while the route ran (the POP3 folder closes after the poll). */
    private record Downloaded(String subject, java.util.Set<String> attachmentNames, byte[] attachment, String text) {
        static Downloaded of(Exchange exchange) throws Exception {
            AttachmentMessage in = exchange.getIn(AttachmentMessage.class);
            String subject = exchange.getIn(MailMessage.class).getMessage().getSubject();
            byte[] attachment = in.getAttachment(FILE_NAME) == null ? null
                    : in.getAttachment(FILE_NAME).getInputStream().readAllBytes();
            return new Downloaded(subject, java.util.Set.copyOf(in.getAttachmentNames()), attachment,
                    in.getBody(String.class));
        }
    }

    /** A self-signed key for 127.0.0.1 made by the JDK's keytool: no key material in the tree. */
    @BeforeAll
    static void selfSignedKey() throws Exception {
        keystore = keys.resolve("serai.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "serai", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-keypass", PASSWORD)
                .redirectErrorStream(true).redirectOutput(new File(keys.toFile(), "keytool.log")).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }

    /** Key and trust from the same store: the servers present the key, the clients trust exactly it. */
    private static SSLContextParameters tls() {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + keystore);
        store.setPassword(PASSWORD);
        store.setType("PKCS12");
        KeyManagersParameters keyManagers = new KeyManagersParameters();
        keyManagers.setKeyStore(store);
        keyManagers.setKeyPassword(PASSWORD);
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setKeyManagers(keyManagers);
        tls.setTrustManagers(trust);
        return tls;
    }

    @BeforeEach
    void start() throws Exception {
        store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(storeDir).withFsync(FsyncPolicy.NEVER));
        store.accounts().addDomain("example.org");
        store.accounts().createAccount(BOB, SECRET.toCharArray());
        context = new DefaultCamelContext();
        SSLContextParameters tls = tls();
        context.getRegistry().bind("tls", tls);
        context.getRegistry().bind("serverSsl", tls.createSSLContext(context));
        context.getRegistry().bind("mailStore", store);
        context.getRegistry().bind("users", new InMemoryCredentialStore().withUser(ALICE, SECRET));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                String deliver = "direct:deliver";
                from(deliver).process(exchange -> sessions.add(exchange.getIn().getHeader(SmtpdConstants.TLS) + " "
                        + exchange.getIn().getHeader(SmtpdConstants.AUTHENTICATED_USER)))
                        .to("mailbox:" + BOB + "?store=#mailStore");
                from("smtpd:127.0.0.1:0?kind=MTA&localDomains=example.org").routeId("mta").to(deliver);
                from("smtpd:127.0.0.1:0?kind=SUBMISSION&sslContextParameters=#tls&credentialStore=#users"
                        + "&localDomains=example.org").routeId("submission").to(deliver);
                from("smtpd:127.0.0.1:0?kind=SUBMISSIONS&sslContextParameters=#tls&credentialStore=#users"
                        + "&localDomains=example.org").routeId("submissions").to(deliver);
                from("pop3d:127.0.0.1:0?store=#mailStore&sslContext=#serverSsl&implicitTls=true").routeId("pop3s")
                        .to("log:pop3d-audit?level=OFF");
            }
        });
        context.start();
    }

    @AfterEach
    void stop() throws Exception {
        context.stop();
        store.close();
    }

    private int smtpdPort(String routeId) {
        return ((SmtpdEndpoint) context.getRoute(routeId).getEndpoint()).getLocalAddress().getPort();
    }

    private String clientUri(String listener) {
        String auth = "username=" + ALICE + "&password=" + SECRET;
        return switch (listener) {
            case "mta" -> "smtp://127.0.0.1:" + smtpdPort("mta");
            case "submission" -> "smtp://127.0.0.1:" + smtpdPort("submission") + "?" + auth
                    + "&sslContextParameters=#tls&mail.smtp.starttls.enable=true&mail.smtp.starttls.required=true";
            case "submissions" -> "smtps://127.0.0.1:" + smtpdPort("submissions") + "?" + auth
                    + "&sslContextParameters=#tls";
            default -> throw new IllegalArgumentException(listener);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"mta", "submission", "submissions"})
    void camelMailSendsToSeraiSmtpAndReadsBackOverPop3s(String listener) throws Exception {
        Exchange sent = context.createProducerTemplate().send(clientUri(listener), exchange -> {
            AttachmentMessage message = exchange.getIn(AttachmentMessage.class);
            message.setHeader("Subject", SUBJECT);
            message.setHeader("From", ALICE);
            message.setHeader("To", BOB);
            message.setBody("Anbei der Bericht.\r\n");
            message.addAttachment(FILE_NAME, new DataHandler(new ByteArrayDataSource(ATTACHMENT,
                    "application/octet-stream")));
        });
        assertThat(sent.getException()).isNull();
        assertThat(sessions).containsExactly(listener.equals("mta") ? "false null" : "true " + ALICE);
        assertThat(store.mailboxes(BOB).open("INBOX").info().messages()).isEqualTo(1);

        int pop3s = ((Pop3dEndpoint) context.getRoute("pop3s").getEndpoint()).getLocalAddress().getPort();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("pop3s://127.0.0.1:" + pop3s + "?username=" + BOB + "&password=" + SECRET
                        + "&sslContextParameters=#tls&delete=true&initialDelay=0&delay=100").routeId("download")
                        .process(exchange -> downloaded.add(Downloaded.of(exchange)));
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> downloaded.size() == 1);
        Downloaded got = downloaded.get(0);
        assertThat(got.subject()).isEqualTo(SUBJECT);
        assertThat(got.attachmentNames()).containsExactly(FILE_NAME);
        assertThat(got.attachment()).isEqualTo(ATTACHMENT);
        assertThat(got.text()).contains("Anbei der Bericht.");
        // delete=true: QUIT expunged it from the store
        await().atMost(Duration.ofSeconds(5))
                .until(() -> store.mailboxes(BOB).open("INBOX").info().messages() == 0);
    }
}
