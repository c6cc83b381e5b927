package io.serai.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import javax.inject.Inject;

import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.api.MessageMeta;
import jakarta.mail.Address;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
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
 * Mail into the distribution as users send it: Angus Mail talks to the MTA and submission listeners that the
 * distribution configures in etc/, and the message must be in the recipient's INBOX, byte for byte behind the
 * trace headers, by the time the client has its 250.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SmtpDeliveryInKarafIT extends SeraiKarafTestSupport {

    // chosen on the host when the container is configured, read back inside it (this class loads twice)
    private static final String MTA_PORT = listenerPort("mta");
    private static final String SUBMISSION_PORT = listenerPort("submission");
    private static final String SUBMISSIONS_PORT = listenerPort("submissions");

    @Inject
    private MailStore store;

    @Inject
    private org.apache.camel.CamelContext camelContext;

    @Inject
    private org.osgi.framework.BundleContext bundleContext;

    @Configuration
    public Option[] config() {
        return seraiDistribution(
                listenersOnFreePorts("mta", "submission", "submissions"),
                editConfigurationFilePut("etc/io.serai.store.cfg", "domains", "caravan.test"));
    }

    @Before
    public void accounts() throws Exception {
        awaitListening(MTA_PORT, SUBMISSION_PORT, SUBMISSIONS_PORT);
        if (store.accounts().accounts("caravan.test").isEmpty()) {
            store.accounts().createAccount("alice@caravan.test", "s3cret".toCharArray());
            store.accounts().createAccount("bob@caravan.test", "b0b".toCharArray());
            store.mailboxes("alice@caravan.test").create("Orders");
        }
    }

    @Test
    public void theMtaListenerDeliversIntoTheInboxBeforeItSays250() throws Exception {
        Session session = Session.getInstance(smtp(MTA_PORT));
        MimeMessage message = message(session, "Twelve camels", "alice@caravan.test", "alice+orders@caravan.test");
        int before = inbox("alice@caravan.test").messages().size();

        Transport.send(message);
        byte[] sent = bytesOf(message); // after send: Transport.send gives the message a new Message-ID

        // no waiting: 250 promised the message was durable in both mailboxes
        List<MessageMeta> inbox = inbox("alice@caravan.test").messages();
        assertEquals(before + 1, inbox.size());
        byte[] stored = contentOf(inbox("alice@caravan.test"), inbox.get(inbox.size() - 1).uid());
        assertTrue("trace headers first", new String(stored, StandardCharsets.US_ASCII).startsWith("Return-Path: <bob@"));
        assertArrayEquals(sent, Arrays.copyOfRange(stored, stored.length - sent.length, stored.length));
        assertEquals(1, store.mailboxes("alice@caravan.test").open("Orders").messages().size());
    }

    @Test
    public void camelMailSmtpProducerDeliversThroughOurServer() throws Exception {
        int before = inbox("bob@caravan.test").messages().size();
        org.apache.camel.Exchange sent = camelContext.createProducerTemplate().send(
                "smtp://127.0.0.1:" + MTA_PORT + "?from=alice@caravan.test&to=bob@caravan.test&subject=From%20Camel",
                exchange -> exchange.getMessage().setBody("Sent by camel-mail inside Karaf"));
        if (sent.getException() != null) {
            throw sent.getException();
        }
        List<MessageMeta> inbox = inbox("bob@caravan.test").messages();
        assertEquals(before + 1, inbox.size());
        String stored = new String(contentOf(inbox("bob@caravan.test"), inbox.get(inbox.size() - 1).uid()),
                StandardCharsets.UTF_8);
        assertTrue(stored, stored.contains("Subject: From Camel") && stored.contains("Sent by camel-mail inside Karaf"));
    }

    @Test
    public void aRouteBackedFolderGetsMailDeliveredToItsPlusAddress() throws Exception {
        if (!store.mailboxes("bob@caravan.test").list().stream().anyMatch(m -> m.name().equals("Tickets"))) {
            store.mailboxes("bob@caravan.test").create("Tickets");
        }
        org.osgi.framework.ServiceRegistration<org.apache.camel.RoutesBuilder> registration = bundleContext
                .registerService(org.apache.camel.RoutesBuilder.class, new org.apache.camel.builder.RouteBuilder() {
                    @Override
                    public void configure() {
                        // push: an exchange per message that lands in the folder, marked \\Seen when done
                        from("mailbox:bob@caravan.test/Tickets?store=#seraiStore").routeId("it-tickets")
                                .to("seda:tickets");
                    }
                }, null);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> camelContext.getRoute("it-tickets") != null
                    && camelContext.getRouteController().getRouteStatus("it-tickets").isStarted());
            Transport.send(message(Session.getInstance(smtp(MTA_PORT)), "Printer on fire", "bob+tickets@caravan.test"));

            org.apache.camel.Exchange ticket = camelContext.createConsumerTemplate().receive("seda:tickets", 20_000);
            assertTrue("no exchange for the new ticket", ticket != null);
            assertEquals("Printer on fire", ticket.getMessage().getHeader("SeraiMailboxSubject", String.class).trim());
            long uid = ticket.getMessage().getHeader("SeraiMailboxUid", Long.class);
            Mailbox tickets = store.mailboxes("bob@caravan.test").open("Tickets");
            await().atMost(Duration.ofSeconds(10)).until(() -> tickets.messages().stream()
                    .anyMatch(m -> m.uid() == uid && m.flags().has(io.serai.store.api.SystemFlag.SEEN)));
        } finally {
            registration.unregister();
        }
    }

    @Test
    public void unknownUsersAndRelayingAreRefusedAtRcpt() throws Exception {
        Session session = Session.getInstance(smtp(MTA_PORT));
        assertRefused(session, "nobody@caravan.test", "550");
        assertRefused(session, "someone@elsewhere.example", "550");
    }

    @Test
    public void submissionNeedsStartTlsAndAuthThenDelivers() throws Exception {
        Properties props = smtp(SUBMISSION_PORT);
        props.put("mail.smtp.auth", "true");
        props.put("mail.smtp.starttls.enable", "true");
        props.put("mail.smtp.starttls.required", "true");
        props.put("mail.smtp.ssl.trust", "127.0.0.1"); // the distribution's self-signed certificate
        Session session = Session.getInstance(props);
        MimeMessage message = message(session, "Submitted", "bob@caravan.test");
        int before = inbox("bob@caravan.test").messages().size();

        Transport.send(message, "alice@caravan.test", "s3cret");

        assertEquals(before + 1, inbox("bob@caravan.test").messages().size());
        try {
            Transport.send(message(session, "Wrong password", "bob@caravan.test"), "alice@caravan.test", "nope");
            fail("a wrong password must not send");
        } catch (jakarta.mail.AuthenticationFailedException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("535"));
        }
    }

    @Test
    public void submissionsIsImplicitTls() throws Exception {
        Properties props = new Properties();
        props.put("mail.smtps.host", "127.0.0.1");
        props.put("mail.smtps.port", SUBMISSIONS_PORT);
        props.put("mail.smtps.auth", "true");
        props.put("mail.smtps.ssl.trust", "127.0.0.1");
        Session session = Session.getInstance(props);
        int before = inbox("alice@caravan.test").messages().size();
        try (Transport transport = session.getTransport("smtps")) {
            transport.connect("bob@caravan.test", "b0b");
            MimeMessage message = message(session, "Over TLS", "alice@caravan.test");
            transport.sendMessage(message, message.getAllRecipients());
        }
        await().atMost(Duration.ofSeconds(1)).until(() -> inbox("alice@caravan.test").messages().size() == before + 1);
    }

    private void assertRefused(Session session, String recipient, String code) throws Exception {
        try {
            Transport.send(message(session, "Refused", recipient));
            fail(recipient + " should have been refused");
        } catch (SendFailedException e) {
            Address[] invalid = e.getInvalidAddresses();
            assertTrue(e.toString(), invalid != null && invalid.length == 1);
            Throwable cause = e.getNextException();
            assertTrue(String.valueOf(cause), cause != null && cause.getMessage().contains(code));
        }
    }

    private Mailbox inbox(String account) throws Exception {
        return store.mailboxes(account).open("INBOX");
    }

    private static Properties smtp(String port) {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", port);
        return props;
    }

    private static MimeMessage message(Session session, String subject, String... to) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("bob@caravan.test"));
        for (String recipient : to) {
            message.addRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(recipient));
        }
        message.setSubject(subject);
        message.setText("Twelve camels and one caravanserai.\r\nSecond line.\r\n", "UTF-8");
        message.saveChanges();
        return message;
    }

    private static byte[] bytesOf(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    private static byte[] contentOf(Mailbox mailbox, long uid) throws Exception {
        try (InputStream in = mailbox.content(uid).openStream()) {
            return in.readAllBytes();
        }
    }
}
