package io.serai.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import javax.inject.Inject;

import io.serai.store.api.MailStore;
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
 * The IMAP listeners of the distribution (etc/io.serai.imap.listener-imap.cfg with STARTTLS and -imaps.cfg with
 * implicit TLS): mail in over SMTP, then Angus Mail's imap and imaps providers log in, list folders, see the
 * INBOX message count, and create, append to and rename folders. FETCH does not exist yet, so nothing here
 * reads a message.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ImapInKarafIT extends SeraiKarafTestSupport {

    private static final String SMTP_PORT = listenerPort("smtp");
    private static final String IMAP_PORT = listenerPort("imap");
    private static final String IMAPS_PORT = listenerPort("imaps");
    private static final String USER = "nomad@oasis.test";

    @Inject
    private MailStore store;

    @Inject
    private org.apache.camel.CamelContext camelContext;

    @Inject
    private org.osgi.framework.BundleContext bundleContext;

    @Configuration
    public Option[] config() {
        return seraiDistribution(
                editConfigurationFilePut("etc/io.serai.smtp.listener-mta.cfg", "port", SMTP_PORT),
                editConfigurationFilePut("etc/io.serai.smtp.listener-submission.cfg", "port", freePort()),
                editConfigurationFilePut("etc/io.serai.smtp.listener-submissions.cfg", "port", freePort()),
                editConfigurationFilePut("etc/io.serai.pop3.listener-pop3.cfg", "port", freePort()),
                editConfigurationFilePut("etc/io.serai.pop3.listener-pop3s.cfg", "port", freePort()),
                editConfigurationFilePut("etc/io.serai.imap.listener-imap.cfg", "port", IMAP_PORT),
                editConfigurationFilePut("etc/io.serai.imap.listener-imaps.cfg", "port", IMAPS_PORT),
                editConfigurationFilePut("etc/io.serai.store.cfg", "domains", "oasis.test"),
                listenerPortOption("smtp", SMTP_PORT),
                listenerPortOption("imap", IMAP_PORT),
                listenerPortOption("imaps", IMAPS_PORT));
    }

    @Before
    public void listenersAndAccount() throws Exception {
        awaitListening(SMTP_PORT, IMAP_PORT, IMAPS_PORT);
        if (store.accounts().accounts("oasis.test").isEmpty()) {
            store.accounts().createAccount(USER, "dune".toCharArray());
        }
    }

    @Test
    public void mailSentOverSmtpIsCountedOverImapWithStarttls() throws Exception {
        int before = store.mailboxes(USER).open("INBOX").uids().length;
        MimeMessage message = new MimeMessage(Session.getInstance(props("mail.smtp", SMTP_PORT)));
        message.setFrom(new InternetAddress("caravan@oasis.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(USER));
        message.setSubject("Water at the oasis");
        message.setText("Two wells, one dry.", "UTF-8");
        Transport.send(message);

        Properties imap = props("mail.imap", IMAP_PORT);
        imap.put("mail.imap.starttls.enable", "true");
        imap.put("mail.imap.starttls.required", "true");
        imap.put("mail.imap.ssl.trust", "127.0.0.1");
        try (Store client = Session.getInstance(imap).getStore("imap")) {
            client.connect(USER, "dune");
            List<String> names = Arrays.stream(client.getDefaultFolder().list("*")).map(Folder::getFullName).toList();
            assertTrue(names.toString(), names.containsAll(List.of("INBOX", "Sent", "Drafts", "Trash")));
            Folder inbox = client.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertEquals(before + 1, inbox.getMessageCount());
            inbox.close(false);
        }
    }

    @Test
    public void plaintextLoginIsRefusedBeforeStarttls() throws Exception {
        Properties imap = props("mail.imap", IMAP_PORT);
        imap.put("mail.imap.starttls.enable", "false");
        try (Store client = Session.getInstance(imap).getStore("imap")) {
            client.connect(USER, "dune");
            throw new AssertionError("logged in without TLS");
        } catch (jakarta.mail.MessagingException expected) {
            // LOGINDISABLED before TLS (RFC 9051 section 6.2.3)
        }
    }

    @Test
    public void createAppendAndRenameOverImaps() throws Exception {
        Properties imaps = props("mail.imaps", IMAPS_PORT);
        imaps.put("mail.imaps.ssl.trust", "127.0.0.1");
        try (Store client = Session.getInstance(imaps).getStore("imaps")) {
            client.connect(USER, "dune");
            Folder caravans = client.getFolder("Caravans");
            assertTrue(caravans.create(Folder.HOLDS_MESSAGES));
            MimeMessage note = new MimeMessage((Session) null);
            note.setFrom(new InternetAddress(USER));
            note.setSubject("Route to the coast");
            note.setText("Eleven days.\r\n");
            caravans.appendMessages(new Message[] {note});
            assertEquals(1, store.mailboxes(USER).open("Caravans").uids().length);
            caravans.open(Folder.READ_ONLY);
            assertEquals(1, caravans.getMessageCount());
            caravans.close(false);

            assertTrue(caravans.renameTo(client.getFolder("Caravans 2026")));
            List<String> names = Arrays.stream(client.getDefaultFolder().list("*")).map(Folder::getFullName).toList();
            assertTrue(names.toString(), names.contains("Caravans 2026"));
            assertFalse(names.toString(), names.contains("Caravans"));
            assertEquals(1, store.mailboxes(USER).open("Caravans 2026").uids().length);
        }
    }

    @Test
    public void aRouteOwnedImapdListenerServesTheStore() throws Exception {
        String port = freePort();
        org.osgi.framework.ServiceRegistration<org.apache.camel.RoutesBuilder> registration = bundleContext
                .registerService(org.apache.camel.RoutesBuilder.class, new org.apache.camel.builder.RouteBuilder() {
                    @Override
                    public void configure() {
                        from("imapd:127.0.0.1:" + port + "?store=#seraiStore&sslContext=#seraiTls&tlsMode=IMPLICIT"
                                + "&credentialStore=#seraiCredentials").routeId("it-imapd").to("log:imapd");
                    }
                }, null);
        try {
            awaitListening(port);
            Properties imaps = props("mail.imaps", port);
            imaps.put("mail.imaps.ssl.trust", "127.0.0.1");
            try (Store client = Session.getInstance(imaps).getStore("imaps")) {
                client.connect(USER, "dune");
                Folder inbox = client.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                assertEquals(store.mailboxes(USER).open("INBOX").uids().length, inbox.getMessageCount());
                inbox.close(false);
            }
        } finally {
            registration.unregister();
        }
    }

    private static Properties props(String prefix, String port) {
        Properties props = new Properties();
        props.put(prefix + ".host", "127.0.0.1");
        props.put(prefix + ".port", port);
        props.put(prefix + ".connectiontimeout", "10000");
        props.put(prefix + ".timeout", "20000");
        return props;
    }
}
