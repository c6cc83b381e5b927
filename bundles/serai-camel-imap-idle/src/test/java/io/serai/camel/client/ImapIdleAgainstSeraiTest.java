package io.serai.camel.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serai.camel.imapidle.ImapIdleConstants;
import io.serai.camel.imapidle.ImapIdleMode;
import io.serai.camel.imapidle.internal.ImapIdleConsumer;
import io.serai.camel.smtpd.SmtpdEndpoint;
import io.serai.imap.api.ImapServer;
import io.serai.imap.api.ImapServerConfig;
import io.serai.imap.api.TlsMode;
import io.serai.store.api.MailStore;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The imap-idle: consumer against Serai's own IMAP server (IDLE, MOVE, UIDPLUS) over the same store that an
 * smtpd: route delivers into: mail sent over SMTP reaches the route within a second, and a server stopped and
 * started again mid-stream (same port, same store, same UIDVALIDITY) loses and duplicates nothing.
 */
class ImapIdleAgainstSeraiTest {

    private static final String BOB = "bob@example.org";
    private static final String SECRET = "s3cret";

    @TempDir
    Path storeDir;

    private MailStore store;
    private CamelContext context;
    private ImapServer imap;
    private int imapPort;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> keys = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(storeDir).withFsync(FsyncPolicy.NEVER));
        store.accounts().addDomain("example.org");
        store.accounts().createAccount(BOB, SECRET.toCharArray());
        store.mailboxes(BOB).create("Done");
        imap = startImap(0);
        imapPort = imap.localAddress().getPort();
        context = new DefaultCamelContext();
        context.getRegistry().bind("mailStore", store);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("smtpd:127.0.0.1:0?kind=MTA&localDomains=example.org").routeId("mta")
                        .to("mailbox:" + BOB + "?store=#mailStore");
                from("imap-idle:127.0.0.1:" + imapPort + "?username=" + BOB + "&password=" + SECRET
                        + "&moveTo=Done&reconnectInitialDelay=100&reconnectMaxDelay=500").routeId("idle")
                        .process(e -> {
                            received.add(e.getIn().getHeader(ImapIdleConstants.SUBJECT, String.class));
                            keys.add(e.getIn().getHeader(ImapIdleConstants.MESSAGE_KEY, String.class));
                        });
            }
        });
        context.start();
    }

    private ImapServer startImap(int port) {
        ImapServer server = ImapServer.create(ImapServerConfig.builder().bind("127.0.0.1", port)
                .tls(TlsMode.NONE, null).allowPlaintextAuth(true).store(store).build());
        server.start().toCompletableFuture().join();
        return server;
    }

    @AfterEach
    void stop() throws Exception {
        context.stop();
        imap.close();
        store.close();
    }

    private ImapIdleConsumer consumer() {
        return (ImapIdleConsumer) context.getRoute("idle").getConsumer();
    }

    private void send(String subject) throws Exception {
        int port = ((SmtpdEndpoint) context.getRoute("mta").getEndpoint()).getLocalAddress().getPort();
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(port));
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("alice@remote.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(BOB));
        message.setSubject(subject, "UTF-8");
        message.setText("body of " + subject, "UTF-8");
        Transport.send(message);
    }

    @Test
    void mailOverSmtpReachesTheIdleRouteWithinASecondAndIsMoved() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> consumer().mode() == ImapIdleMode.IDLE);
        send("Prüfung 1");
        await().atMost(Duration.ofSeconds(1)).until(() -> received.contains("Prüfung 1"));
        // committed with MOVE (the server has it): the message leaves INBOX for Done
        await().atMost(Duration.ofSeconds(5)).until(() -> store.mailboxes(BOB).open("Done").uids().length == 1);
        assertThat(store.mailboxes(BOB).open("INBOX").uids()).isEmpty();
    }

    @Test
    void serverRestartMidStreamLosesAndDuplicatesNothing() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> consumer().mode() == ImapIdleMode.IDLE);
        send("m1");
        send("m2");
        await().atMost(Duration.ofSeconds(5)).until(() -> store.mailboxes(BOB).open("Done").uids().length == 2);

        imap.close(); // BYE to the idling consumer, then the port is free
        await().atMost(Duration.ofSeconds(5)).until(() -> consumer().mode() == ImapIdleMode.DISCONNECTED);
        send("m3"); // mail keeps arriving over SMTP while IMAP is down
        send("m4");
        imap = startImap(imapPort);

        await().atMost(Duration.ofSeconds(15)).until(() -> received.size() >= 4
                && store.mailboxes(BOB).open("Done").uids().length == 4);
        send("m5");
        await().atMost(Duration.ofSeconds(5)).until(() -> received.size() >= 5);
        assertThat(received).containsExactly("m1", "m2", "m3", "m4", "m5");
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(store.mailboxes(BOB).open("INBOX").uids()).isEmpty();
    }
}
