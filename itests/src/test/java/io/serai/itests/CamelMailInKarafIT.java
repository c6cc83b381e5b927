package io.serai.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import javax.inject.Inject;

import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.api.SystemFlag;
import jakarta.activation.DataHandler;
import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.ServiceStatus;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.builder.RouteBuilder;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Mail inside Karaf: camel-mail routes, deployed the way route bundles deploy them (a RoutesBuilder OSGi
 * service picked up by the Serai CamelContext), send a multipart message with an attachment over SMTP and read
 * it back over IMAP and POP3. Plain Jakarta Mail does the same in the container, which is where
 * "No provider of jakarta.mail.util.StreamProvider was found" shows when SPI Fly is missing.
 *
 * <p>The servers are the distribution's own listeners on free ports of 127.0.0.1, used as a mail user would:
 * camel-mail submits with STARTTLS and AUTH on the submission port and reads with STARTTLS (IMAP) and STLS (POP3);
 * the store shows what arrived. Each test has its own account, as the store outlives the tests of the class.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CamelMailInKarafIT extends SeraiKarafTestSupport {

    private static final String MTA_PORT = listenerPort("mta");
    private static final String SUBMISSION_PORT = listenerPort("submission");
    private static final String POP3_PORT = listenerPort("pop3");
    private static final String IMAP_PORT = listenerPort("imap");
    private static final String CAMEL_USER = "camel@serai.test";
    private static final String DIRECT_USER = "direct@serai.test";
    private static final String PASSWORD = "caravan-secret";
    private static final byte[] ATTACHMENT = "Serai ✓ caravanserai\r\nline two\r\n".getBytes(StandardCharsets.UTF_8);

    @Inject
    private CamelContext camelContext;

    @Inject
    private BundleContext bundleContext;

    @Inject
    private MailStore store;

    private ServiceRegistration<RoutesBuilder> routes;

    @Configuration
    public Option[] config() {
        return seraiDistribution(
                listenersOnFreePorts("mta", "submission", "pop3", "imap"),
                editConfigurationFilePut("etc/io.serai.store.cfg", "domains", "serai.test"));
    }

    @Before
    public void listenersAndAccounts() throws Exception {
        awaitListening(MTA_PORT, SUBMISSION_PORT, POP3_PORT, IMAP_PORT);
        if (store.accounts().accounts("serai.test").isEmpty()) {
            store.accounts().createAccount(CAMEL_USER, PASSWORD.toCharArray());
            store.accounts().createAccount(DIRECT_USER, PASSWORD.toCharArray());
        }
        // every connection upgrades to TLS before it authenticates; the distribution's certificate is self-signed
        Properties tls = new Properties();
        for (String protocol : new String[] {"smtp", "imap", "pop3"}) {
            tls.put("mail." + protocol + ".starttls.enable", "true");
            tls.put("mail." + protocol + ".starttls.required", "true");
            tls.put("mail." + protocol + ".ssl.trust", "127.0.0.1");
        }
        tls.put("mail.smtp.auth", "true");
        camelContext.getRegistry().bind("itMailTls", tls);
    }

    @After
    public void removeRoutes() {
        if (routes != null) {
            routes.unregister();
        }
        camelContext.getRegistry().unbind("itMailTls");
    }

    @Test
    public void seraiContextIsPublishedByTheDistribution() {
        assertEquals("serai", camelContext.getName());
        assertEquals(ServiceStatus.Started, camelContext.getStatus());
    }

    @Test
    public void camelMailSendsOverSmtpAndReadsBackOverImapAndPop3() throws Exception {
        String subject = "Caravan " + UUID.randomUUID();
        String options = "username=" + CAMEL_USER + "&password=" + PASSWORD + "&additionalJavaMailProperties=#itMailTls";
        String smtp = "smtp://127.0.0.1:" + SUBMISSION_PORT + "?" + options;
        String imap = "imap://127.0.0.1:" + IMAP_PORT + "?" + options
                // Serai's POP3 leaves IMAP flags alone (RETR does not set \Seen), so both routes see the message
                + "&delete=false&unseen=true&initialDelay=0&delay=200";
        String pop3 = "pop3://127.0.0.1:" + POP3_PORT + "?" + options + "&delete=false&initialDelay=0&delay=200";

        routes = bundleContext.registerService(RoutesBuilder.class, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").routeId("it-send").to(smtp);
                // the mail's content is read lazily from the folder, which closes after the poll: read it in the route
                from(imap).routeId("it-imap").process(CamelMailInKarafIT::readContent).to("seda:from-imap");
                from(pop3).routeId("it-pop3").process(CamelMailInKarafIT::readContent).to("seda:from-pop3");
            }
        }, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> started("it-send") && started("it-imap") && started("it-pop3"));

        ProducerTemplate producer = camelContext.createProducerTemplate();
        Exchange sent = producer.send("direct:send", exchange -> {
            AttachmentMessage message = exchange.getMessage(AttachmentMessage.class);
            message.setHeader("From", CAMEL_USER);
            message.setHeader("To", CAMEL_USER);
            message.setHeader("Subject", subject);
            message.setBody("Body of " + subject);
            message.addAttachment("notes.txt",
                    // binary, so that the bytes travel base64-encoded and must come back exactly
                    new DataHandler(new ByteArrayDataSource(ATTACHMENT, "application/octet-stream")));
        });
        assertNull("sending failed: " + sent.getException(), sent.getException());
        await().atMost(Duration.ofSeconds(20)).until(() -> store.mailboxes(CAMEL_USER).open("INBOX").uids().length == 1);

        ConsumerTemplate consumer = camelContext.createConsumerTemplate();
        assertReceived(consumer.receive("seda:from-imap", 30_000), subject);
        assertReceived(consumer.receive("seda:from-pop3", 30_000), subject);
        // camel-mail marks what it consumed over IMAP \Seen (delete=false), in the store itself
        Mailbox inbox = store.mailboxes(CAMEL_USER).open("INBOX");
        long uid = inbox.uids()[0];
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.messages(uid, uid).get(0).flags().has(SystemFlag.SEEN));
    }

    @Test
    public void jakartaMailBuildsSendsAndParsesMultipartInsideTheContainer() throws Exception {
        withMailClassLoader(this::sendAndReadMultipart);
    }

    private void sendAndReadMultipart() throws Exception {
        // the MTA listener: mail from outside, no AUTH; then IMAP with STARTTLS
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", MTA_PORT);
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", IMAP_PORT);
        props.put("mail.imap.starttls.enable", "true");
        props.put("mail.imap.starttls.required", "true");
        props.put("mail.imap.ssl.trust", "127.0.0.1");
        Session session = Session.getInstance(props);

        String subject = "Direct " + UUID.randomUUID();
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("caravan@serai.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(DIRECT_USER));
        message.setSubject(subject, "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Über die Karawanserei", "UTF-8");
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(ATTACHMENT, "application/octet-stream")));
        file.setFileName("notes.bin");
        message.setContent(new MimeMultipart(text, file));
        Transport.send(message);

        try (Store client = session.getStore("imap")) {
            client.connect(DIRECT_USER, PASSWORD);
            Folder inbox = client.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            await().atMost(Duration.ofSeconds(20)).until(() -> find(inbox, subject) != null);
            Message received = find(inbox, subject);
            Multipart parts = (Multipart) received.getContent();
            assertEquals(2, parts.getCount());
            assertEquals("Über die Karawanserei", parts.getBodyPart(0).getContent());
            BodyPart attachment = parts.getBodyPart(1);
            assertEquals("notes.bin", attachment.getFileName());
            assertArrayEquals(ATTACHMENT, readAll(attachment.getInputStream()));
            inbox.close(false);
        }
    }

    private boolean started(String routeId) {
        return camelContext.getRoute(routeId) != null
                && camelContext.getRouteController().getRouteStatus(routeId) == ServiceStatus.Started;
    }

    private static Message find(Folder folder, String subject) throws Exception {
        for (Message m : folder.getMessages()) {
            if (subject.equals(m.getSubject())) {
                return m;
            }
        }
        return null;
    }

    private static void readContent(Exchange exchange) throws Exception {
        AttachmentMessage message = exchange.getMessage(AttachmentMessage.class);
        Map<String, byte[]> attachments = new HashMap<>();
        for (Map.Entry<String, DataHandler> attachment : message.getAttachments().entrySet()) {
            attachments.put(attachment.getKey(), readAll(attachment.getValue().getInputStream()));
        }
        message.setHeader("attachmentBytes", attachments);
        message.setBody(message.getBody(String.class));
    }

    @SuppressWarnings("unchecked")
    private static void assertReceived(Exchange exchange, String subject) {
        assertNotNull("no mail arrived", exchange);
        assertEquals(subject, exchange.getMessage().getHeader("Subject"));
        assertEquals("Body of " + subject, exchange.getMessage().getBody(String.class).trim());
        Map<String, byte[]> attachments = exchange.getMessage().getHeader("attachmentBytes", Map.class);
        assertTrue("notes.txt missing: " + attachments.keySet(), attachments.containsKey("notes.txt"));
        assertArrayEquals(ATTACHMENT, attachments.get("notes.txt"));
    }
}
