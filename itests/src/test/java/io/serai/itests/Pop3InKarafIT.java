package io.serai.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;

import javax.inject.Inject;

import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The seed's download-and-delete flow in the distribution: mail in over SMTP, out over POP3 (STLS and implicit
 * TLS) with Angus Mail, byte for byte as stored, and gone only after QUIT.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class Pop3InKarafIT extends SeraiKarafTestSupport {

    private static final String SMTP_PORT = listenerPort("mta");
    private static final String POP3_PORT = listenerPort("pop3");
    private static final String POP3S_PORT = listenerPort("pop3s");

    @Inject
    private MailStore store;

    @Inject
    private org.apache.camel.CamelContext camelContext;

    @Inject
    private org.osgi.framework.BundleContext bundleContext;

    @Configuration
    public Option[] config() {
        return seraiDistribution(
                listenersOnFreePorts("mta", "pop3", "pop3s"),
                editConfigurationFilePut("etc/io.serai.store.cfg", "domains", "oasis.test"));
    }

    @Before
    public void listenersAndAccount() throws Exception {
        awaitListening(SMTP_PORT, POP3_PORT, POP3S_PORT);
        if (store.accounts().accounts("oasis.test").isEmpty()) {
            store.accounts().createAccount("nomad@oasis.test", "dune".toCharArray());
        }
    }

    @Test
    public void smtpInPop3OutByteForByteAndDeletedOnlyAfterQuit() throws Exception {
        Session smtp = Session.getInstance(props("mail.smtp", SMTP_PORT));
        MimeMessage message = new MimeMessage(smtp);
        message.setFrom(new InternetAddress("caravan@oasis.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("nomad@oasis.test"));
        message.setSubject("Water at the oasis");
        message.setText(".a line that starts with a dot\r\nand one more\r\n", "UTF-8");
        Transport.send(message);
        Mailbox inbox = store.mailboxes("nomad@oasis.test").open("INBOX");
        long uid = inbox.uids()[inbox.uids().length - 1];
        byte[] stored;
        try (InputStream in = inbox.content(uid).openStream()) {
            stored = in.readAllBytes();
        }

        Properties pop3 = props("mail.pop3", POP3_PORT);
        pop3.put("mail.pop3.starttls.enable", "true");
        pop3.put("mail.pop3.starttls.required", "true");
        pop3.put("mail.pop3.ssl.trust", "127.0.0.1");
        try (Store client = Session.getInstance(pop3).getStore("pop3")) {
            client.connect("nomad@oasis.test", "dune");
            Folder folder = client.getFolder("INBOX");
            folder.open(Folder.READ_WRITE);
            Message[] messages = folder.getMessages();
            assertEquals(inbox.uids().length, messages.length);
            Message last = messages[messages.length - 1];
            // LIST octets, exactly as stored (Message.getSize() would be the body only)
            int[] sizes = ((org.eclipse.angus.mail.pop3.POP3Folder) folder).getSizes();
            assertEquals(stored.length, sizes[sizes.length - 1]);
            ByteArrayOutputStream retrieved = new ByteArrayOutputStream();
            last.writeTo(retrieved);
            assertArrayEquals(stored, retrieved.toByteArray());
            last.setFlag(jakarta.mail.Flags.Flag.DELETED, true);
            // still there until QUIT (RFC 1939 section 6)
            assertTrue(contains(inbox, uid));
            folder.close(true);
        }
        assertTrue("deleted after QUIT", !contains(inbox, uid));
    }

    @Test
    public void camelMailPop3ConsumerDownloadsAndDeletes() throws Exception {
        store.accounts().createAccount("trader@oasis.test", "sp1ce".toCharArray());
        Session smtp = Session.getInstance(props("mail.smtp", SMTP_PORT));
        MimeMessage message = new MimeMessage(smtp);
        message.setFrom(new InternetAddress("caravan@oasis.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("trader@oasis.test"));
        message.setSubject("Spices for sale");
        message.setText("Saffron and cumin", "UTF-8");
        Transport.send(message);

        // camel-mail's pop3s consumer in a route (download and delete), trusting the distribution's self-signed
        // certificate; the body is read inside the route, while the POP3 session is open
        java.util.Properties trust = new java.util.Properties();
        trust.put("mail.pop3s.ssl.trust", "127.0.0.1");
        camelContext.getRegistry().bind("pop3Trust", trust);
        String uri = "pop3s://127.0.0.1:" + POP3S_PORT + "?username=trader@oasis.test&password=sp1ce"
                + "&delete=true&initialDelay=0&delay=500&additionalJavaMailProperties=#pop3Trust";
        org.osgi.framework.ServiceRegistration<org.apache.camel.RoutesBuilder> registration = bundleContext
                .registerService(org.apache.camel.RoutesBuilder.class, new org.apache.camel.builder.RouteBuilder() {
                    @Override
                    public void configure() {
                        from(uri).routeId("it-pop3s-download")
                                .process(e -> e.getMessage().setBody(e.getMessage().getBody(String.class)))
                                .to("seda:pop3s-downloaded");
                    }
                }, null);
        try {
            org.apache.camel.Exchange received = camelContext.createConsumerTemplate()
                    .receive("seda:pop3s-downloaded", 30_000);
            assertTrue("camel-mail got nothing", received != null);
            assertEquals("Spices for sale", received.getMessage().getHeader("Subject"));
            assertEquals("Saffron and cumin", received.getMessage().getBody(String.class).trim());
            // deleted at the end of the poll that downloaded it (QUIT)
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> store.mailboxes("trader@oasis.test").open("INBOX").uids().length == 0);
        } finally {
            registration.unregister();
        }
    }

    @Test
    public void curlDownloadsWhatWasSentOverSmtpByteForByte() throws Exception {
        java.nio.file.Path curl = java.nio.file.Path.of("/usr/bin/curl");
        if (!java.nio.file.Files.isExecutable(curl)) {
            org.junit.Assume.assumeFalse("curl missing: .ci/run installs it", !"true".equals(System.getenv("CI")));
            throw new AssertionError("curl is missing although CI=true: .ci/run installs it");
        }
        store.accounts().createAccount("scribe@oasis.test", "qu1ll".toCharArray());
        Session smtp = Session.getInstance(props("mail.smtp", SMTP_PORT));
        MimeMessage message = new MimeMessage(smtp);
        message.setFrom(new InternetAddress("caravan@oasis.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("scribe@oasis.test"));
        message.setSubject("Ledger");
        message.setText(".dot first\r\nFrom the east\r\nlast\r\n", "UTF-8");
        Transport.send(message);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        message.writeTo(sent);

        Process process = new ProcessBuilder(curl.toString(), "--silent", "--show-error", "--insecure",
                "--user", "scribe@oasis.test:qu1ll", "pop3s://127.0.0.1:" + POP3S_PORT + "/1")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] downloaded = process.getInputStream().readAllBytes();
        assertTrue("curl did not finish", process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
        byte[] expected = sent.toByteArray();
        // the server prepended its trace headers; everything the client sent follows unchanged
        assertTrue(downloaded.length > expected.length);
        assertArrayEquals(expected, java.util.Arrays.copyOfRange(downloaded, downloaded.length - expected.length,
                downloaded.length));
    }

    @Test
    public void aRouteOwnedPop3dListenerReportsRetrievals() throws Exception {
        String auditPort = freePort();
        org.osgi.framework.ServiceRegistration<org.apache.camel.RoutesBuilder> registration = bundleContext
                .registerService(org.apache.camel.RoutesBuilder.class, new org.apache.camel.builder.RouteBuilder() {
                    @Override
                    public void configure() {
                        from("pop3d:127.0.0.1:" + auditPort + "?store=#seraiStore&sslContext=#seraiTls"
                                + "&locks=#seraiPop3Locks&userWithoutTls=true").routeId("it-pop3-audit")
                                .to("seda:pop3-audit");
                    }
                }, null);
        try {
            MimeMessage note = new MimeMessage(Session.getInstance(props("mail.smtp", SMTP_PORT)));
            note.setFrom(new InternetAddress("caravan@oasis.test"));
            note.setRecipient(Message.RecipientType.TO, new InternetAddress("nomad@oasis.test"));
            note.setSubject("Audited");
            note.setText("read me", "UTF-8");
            Transport.send(note);
            awaitListening(auditPort);
            try (Store client = Session.getInstance(props("mail.pop3", auditPort)).getStore("pop3")) {
                client.connect("nomad@oasis.test", "dune");
                Folder folder = client.getFolder("INBOX");
                folder.open(Folder.READ_ONLY);
                folder.getMessage(folder.getMessageCount()).writeTo(new ByteArrayOutputStream());
                folder.close(false);
            }
            org.apache.camel.Exchange audit = camelContext.createConsumerTemplate().receive("seda:pop3-audit", 20_000);
            assertTrue("no audit event", audit != null);
            assertEquals("retrieved", audit.getMessage().getHeader("SeraiPop3Event"));
            assertEquals("nomad@oasis.test", audit.getMessage().getHeader("SeraiPop3Account"));
        } finally {
            registration.unregister();
        }
    }

    @Test
    public void implicitTlsListenerServesTheSameMaildrop() throws Exception {
        Properties pop3s = props("mail.pop3s", POP3S_PORT);
        pop3s.put("mail.pop3s.ssl.trust", "127.0.0.1");
        try (Store client = Session.getInstance(pop3s).getStore("pop3s")) {
            client.connect("nomad@oasis.test", "dune");
            Folder folder = client.getFolder("INBOX");
            folder.open(Folder.READ_ONLY);
            assertEquals(store.mailboxes("nomad@oasis.test").open("INBOX").uids().length, folder.getMessageCount());
            folder.close(false);
        }
    }

    private static boolean contains(Mailbox mailbox, long uid) throws Exception {
        for (long u : mailbox.uids()) {
            if (u == uid) {
                return true;
            }
        }
        return false;
    }

    private static Properties props(String prefix, String port) {
        Properties props = new Properties();
        props.put(prefix + ".host", "127.0.0.1");
        props.put(prefix + ".port", port);
        return props;
    }

}
