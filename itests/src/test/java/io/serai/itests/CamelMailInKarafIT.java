package io.serai.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import javax.inject.Inject;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
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
 * <p>The mail server is GreenMail running as a bundle in the container, on free ports of 127.0.0.1, until
 * Serai's own servers serve POP3 and IMAP.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CamelMailInKarafIT extends SeraiKarafTestSupport {

    private static final String USER = "camel@serai.test";
    private static final String PASSWORD = "caravan-secret";
    private static final byte[] ATTACHMENT = "Serai ✓ caravanserai\r\nline two\r\n".getBytes(StandardCharsets.UTF_8);

    @Inject
    private CamelContext camelContext;

    @Inject
    private BundleContext bundleContext;

    private GreenMail greenMail;
    private ServiceRegistration<RoutesBuilder> routes;

    @Configuration
    public Option[] config() {
        return seraiDistribution(mavenBundle("com.icegreen", "greenmail").versionAsInProject());
    }

    @Before
    public void startMailServer() throws Exception {
        // GreenMail parses messages on threads it starts now: they inherit a TCCL that sees Angus's mailcap
        withMailClassLoader(this::startGreenMail);
    }

    private void startGreenMail() {
        greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_POP3),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        greenMail.setUser(USER, USER, PASSWORD);
    }

    @After
    public void stopMailServer() {
        if (routes != null) {
            routes.unregister();
        }
        greenMail.stop();
    }

    @Test
    public void seraiContextIsPublishedByTheDistribution() {
        assertEquals("serai", camelContext.getName());
        assertEquals(ServiceStatus.Started, camelContext.getStatus());
    }

    @Test
    public void camelMailSendsOverSmtpAndReadsBackOverImapAndPop3() throws Exception {
        String subject = "Caravan " + UUID.randomUUID();
        String auth = "username=" + USER + "&password=" + PASSWORD;
        String smtp = "smtp://127.0.0.1:" + greenMail.getSmtp().getPort() + "?" + auth;
        String imap = "imap://127.0.0.1:" + greenMail.getImap().getPort() + "?" + auth
                // not unseen=true: GreenMail's POP3 RETR marks the message \\Seen for IMAP as well
                + "&delete=false&unseen=false&initialDelay=0&delay=200";
        String pop3 = "pop3://127.0.0.1:" + greenMail.getPop3().getPort() + "?" + auth
                + "&delete=false&initialDelay=0&delay=200";

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
            message.setHeader("From", USER);
            message.setHeader("To", USER);
            message.setHeader("Subject", subject);
            message.setBody("Body of " + subject);
            message.addAttachment("notes.txt",
                    // binary, so that the bytes travel base64-encoded: GreenMail drops a text part's final CRLF
                    new DataHandler(new ByteArrayDataSource(ATTACHMENT, "application/octet-stream")));
        });
        assertNull("sending failed: " + sent.getException(), sent.getException());
        assertTrue("the server got no mail", greenMail.waitForIncomingEmail(15_000, 1));

        ConsumerTemplate consumer = camelContext.createConsumerTemplate();
        assertReceived(consumer.receive("seda:from-imap", 30_000), subject);
        assertReceived(consumer.receive("seda:from-pop3", 30_000), subject);
    }

    @Test
    public void jakartaMailBuildsSendsAndParsesMultipartInsideTheContainer() throws Exception {
        withMailClassLoader(this::sendAndReadMultipart);
    }

    /**
     * Jakarta Activation finds content handlers through the thread context class loader: in OSGi, code that
     * builds or reads multipart messages itself makes Angus's loader the TCCL (see docs/CAMEL-IN-KARAF.md).
     */
    private static void withMailClassLoader(ThrowingRunnable work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(org.eclipse.angus.mail.handlers.multipart_mixed.class.getClassLoader());
        try {
            work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private void sendAndReadMultipart() throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(greenMail.getSmtp().getPort()));
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", Integer.toString(greenMail.getImap().getPort()));
        Session session = Session.getInstance(props);

        String subject = "Direct " + UUID.randomUUID();
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(USER));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(USER));
        message.setSubject(subject, "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Über die Karawanserei", "UTF-8");
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(ATTACHMENT, "application/octet-stream")));
        file.setFileName("notes.bin");
        message.setContent(new MimeMultipart(text, file));
        Transport.send(message, USER, PASSWORD);

        try (Store store = session.getStore("imap")) {
            store.connect(USER, PASSWORD);
            Folder inbox = store.getFolder("INBOX");
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

    private static byte[] readAll(InputStream in) throws Exception {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
