package io.serai.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.ByteArrayOutputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import java.util.stream.Stream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import javax.inject.Inject;

import io.serai.store.api.FlagUpdate;
import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.api.SystemFlag;
import jakarta.activation.DataHandler;
import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.UIDFolder;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.BodyTerm;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.SubjectTerm;
import jakarta.mail.util.ByteArrayDataSource;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.eclipse.angus.mail.imap.AppendUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;

/**
 * The IMAP listeners of the distribution (etc/io.serai.imap.listener-imap.cfg with STARTTLS and -imaps.cfg with
 * implicit TLS) with real clients: mail comes in over SMTP, then Angus Mail's imap and imaps providers read it
 * (subject, from, a multipart body with a binary attachment compared byte for byte), set and clear flags, SEARCH,
 * MOVE with UIDPLUS and IDLE; folders are created, appended to and renamed. camel-mail's imaps consumer reads
 * and moves mail on the same server, and a {@code mailbox:} route runs when Angus MOVEs a message into its folder
 * (a route-backed folder, issue #7). Every check is also made on the store itself.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ImapInKarafIT extends SeraiKarafTestSupport {

    private static final String SMTP_PORT = listenerPort("mta");
    private static final String IMAP_PORT = listenerPort("imap");
    private static final String IMAPS_PORT = listenerPort("imaps");
    private static final String USER = "nomad@oasis.test";
    /** camel-mail consumes this account's INBOX: its own account keeps the other tests' mail out of its way. */
    private static final String PORTER = "porter@oasis.test";
    private static final byte[] ATTACHMENT = {0, 1, 2, (byte) 0xfe, (byte) 0xff, 13, 10, '.', 13, 10, 'x'};

    @Inject
    private MailStore store;

    @Inject
    private org.apache.camel.CamelContext camelContext;

    @Inject
    private org.osgi.framework.BundleContext bundleContext;

    @Configuration
    public Option[] config() {
        return seraiDistribution(
                listenersOnFreePorts("mta", "imap", "imaps"),
                // a spool directory that does not exist: literals above the threshold are refused, smaller ones are not
                editConfigurationFilePut("etc/io.serai.imap.listener-imap.cfg", "spoolThreshold", "4096"),
                editConfigurationFilePut("etc/io.serai.imap.listener-imap.cfg", "spoolDirectory",
                        "${karaf.data}/no-such-spool"),
                // a small spool threshold, so an ordinary attachment already goes through a spool file
                editConfigurationFilePut("etc/io.serai.imap.listener-imaps.cfg", "spoolThreshold", "4096"),
                editConfigurationFilePut("etc/io.serai.imap.listener-imaps.cfg", "spoolDirectory",
                        "${karaf.data}/tmp"),
                editConfigurationFilePut("etc/io.serai.imap.listener-imap.cfg", "trustedNetworks", "127.0.0.2"),
                editConfigurationFilePut("etc/io.serai.store.cfg", "domains", "oasis.test"));
    }

    @Before
    public void listenersAndAccount() throws Exception {
        awaitListening(SMTP_PORT, IMAP_PORT, IMAPS_PORT);
        if (store.accounts().accounts("oasis.test").isEmpty()) {
            store.accounts().createAccount(USER, "dune".toCharArray());
            store.accounts().createAccount(PORTER, "dune".toCharArray());
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

    /**
     * The imap listener here trusts 127.0.0.2 only (set through Config Admin): a client from 127.0.0.1 gets
     * LOGINDISABLED before TLS (RFC 9051 section 6.2.3), one from 127.0.0.2 logs in without TLS.
     */
    @Test
    public void plaintextLoginOnlyFromTrustedNetworks() throws Exception {
        Properties imap = props("mail.imap", IMAP_PORT);
        imap.put("mail.imap.starttls.enable", "false");
        try (Store client = Session.getInstance(imap).getStore("imap")) {
            client.connect(USER, "dune");
            throw new AssertionError("logged in without TLS from an untrusted address");
        } catch (jakarta.mail.MessagingException expected) {
            // LOGINDISABLED and no mechanism Angus has: it cannot log in
        }
        imap.put("mail.imap.localaddress", "127.0.0.2");
        try (Store client = Session.getInstance(imap).getStore("imap")) {
            client.connect(USER, "dune");
            Folder inbox = client.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertTrue(inbox.getMessageCount() >= 0);
            inbox.close(false);
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

    /**
     * The imaps listener's {@code spoolThreshold} and {@code spoolDirectory} from Config Admin: an APPEND above the
     * threshold goes through a spool file in that directory, is stored byte for byte, and leaves no file behind.
     */
    @Test
    public void aLargeAppendIsSpooledWhereTheListenerConfigSaysAndStoredExactly() throws Exception {
        byte[] attachment = new byte[300_000];
        new Random(7888).nextBytes(attachment);
        Properties imaps = props("mail.imaps", IMAPS_PORT);
        imaps.put("mail.imaps.ssl.trust", "127.0.0.1");
        try (Store client = Session.getInstance(imaps).getStore("imaps")) {
            client.connect(USER, "dune");
            Folder ledger = client.getFolder("Ledger");
            assertTrue(ledger.create(Folder.HOLDS_MESSAGES));
            // the exact octets a client would send: a multipart message with a base64 attachment of 300 KB
            String boundary = "=_caravan_" + UUID.randomUUID();
            String raw = "From: " + USER + "\r\nSubject: Manifest of the salt caravan\r\nMIME-Version: 1.0\r\n"
                    + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n"
                    + "--" + boundary + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                    + "The manifest is attached.\r\n"
                    + "--" + boundary + "\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Disposition: attachment; filename=manifest.bin\r\n"
                    + "Content-Transfer-Encoding: base64\r\n\r\n"
                    + Base64.getMimeEncoder().encodeToString(attachment) + "\r\n"
                    + "--" + boundary + "--\r\n";
            ByteArrayOutputStream sent = new ByteArrayOutputStream();
            sent.writeBytes(raw.getBytes(StandardCharsets.US_ASCII));
            MimeMessage message = new MimeMessage(Session.getInstance(imaps),
                    new ByteArrayInputStream(sent.toByteArray()));
            ledger.appendMessages(new Message[] {message});

            Mailbox stored = store.mailboxes(USER).open("Ledger");
            long[] uids = stored.uids();
            assertEquals(1, uids.length);
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            try (InputStream in = stored.content(uids[0]).openStream()) {
                in.transferTo(kept);
            }
            assertArrayEquals(sent.toByteArray(), kept.toByteArray());
            try (Stream<Path> files = Files.list(
                    Path.of(System.getProperty("karaf.data"), "tmp"))) {
                assertEquals(List.of(), files.map(f -> f.getFileName().toString())
                        .filter(n -> n.startsWith("serai-imap-")).toList());
            }
        }
    }

    /**
     * Both spool properties reach the imap listener: with its spool directory missing, an APPEND of 20 KB (above the
     * configured 4 KiB, below the 256 KiB default) is refused with [UNAVAILABLE] (RFC 5530) and stores nothing, while
     * a 1 KB one is stored.
     */
    @Test
    public void anAppendAboveTheConfiguredThresholdNeedsTheConfiguredSpoolDirectory() throws Exception {
        Properties imap = props("mail.imap", IMAP_PORT);
        imap.put("mail.imap.starttls.enable", "true");
        imap.put("mail.imap.starttls.required", "true");
        imap.put("mail.imap.ssl.trust", "127.0.0.1");
        Session session = Session.getInstance(imap);
        try (Store client = session.getStore("imap")) {
            client.connect(USER, "dune");
            Folder notes = client.getFolder("Notes");
            assertTrue(notes.create(Folder.HOLDS_MESSAGES));
            MimeMessage small = new MimeMessage(session);
            small.setFrom(new InternetAddress(USER));
            small.setSubject("Small");
            small.setText("x".repeat(1000), "UTF-8");
            notes.appendMessages(new Message[] {small});
            MimeMessage large = new MimeMessage(session);
            large.setFrom(new InternetAddress(USER));
            large.setSubject("Large");
            large.setText("y".repeat(20_000), "UTF-8");
            jakarta.mail.MessagingException refused = org.junit.Assert.assertThrows(
                    jakarta.mail.MessagingException.class, () -> notes.appendMessages(new Message[] {large}));
            assertTrue(String.valueOf(refused.getMessage()), String.valueOf(refused.getMessage()).contains("UNAVAILABLE"));
        }
        assertEquals(1, store.mailboxes(USER).open("Notes").uids().length);
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

    @Test
    public void multipartMailIsReadOverImapWithStarttlsAndOverImaps() throws Exception {
        String subject = "Caravan manifest " + UUID.randomUUID();
        withMailClassLoader(() -> {
            sendMultipart(USER, subject);
            assertManifest(USER, subject, starttls());
            assertManifest(USER, subject, imaps());
        });
    }

    private void assertManifest(String user, String subject, Store client) throws Exception {
        try (client) {
            client.connect(user, "dune");
            Folder inbox = client.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message received = await().atMost(Duration.ofSeconds(20)).until(() -> find(inbox, subject), m -> m != null);
            assertEquals(subject, received.getSubject());
            assertEquals("caravan@oasis.test", ((InternetAddress) received.getFrom()[0]).getAddress());
            Multipart parts = (Multipart) received.getContent();
            assertEquals(2, parts.getCount());
            assertEquals("Salt, dates, and 12 bales of cotton.", parts.getBodyPart(0).getContent());
            BodyPart attachment = parts.getBodyPart(1);
            assertEquals("manifest.bin", attachment.getFileName());
            assertArrayEquals(ATTACHMENT, readAll(attachment.getInputStream()));
            // the whole message as stored, byte for byte, over IMAP (BODY.PEEK[])
            long uid = ((UIDFolder) inbox).getUID(received);
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            received.writeTo(raw);
            assertArrayEquals(readAll(store.mailboxes(user).open("INBOX").content(uid).openStream()), raw.toByteArray());
            inbox.close(false);
        }
    }

    @Test
    public void flagsSearchAndMoveWithUidplusOverImaps() throws Exception {
        String subject = "Flags " + UUID.randomUUID();
        sendText(USER, subject);
        try (Store client = imaps()) {
            client.connect(USER, "dune");
            IMAPFolder inbox = (IMAPFolder) client.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message[] found = await().atMost(Duration.ofSeconds(20))
                    .until(() -> inbox.search(new SubjectTerm(subject)), m -> m.length == 1);
            Message message = found[0];
            long uid = inbox.getUID(message);
            Mailbox stored = store.mailboxes(USER).open("INBOX");

            message.setFlags(new Flags(Flags.Flag.FLAGGED), true);
            message.setFlags(new Flags("$caravan"), true);
            assertTrue(storedFlags(stored, uid).has(SystemFlag.FLAGGED));
            assertTrue(storedFlags(stored, uid).keywords().contains("$caravan"));
            assertArrayEquals(new Message[] {message}, inbox.search(new AndTerm(new SubjectTerm(subject),
                    new FlagTerm(new Flags(Flags.Flag.FLAGGED), true))));
            assertArrayEquals(new Message[] {message}, inbox.search(new AndTerm(new SubjectTerm(subject),
                    new FlagTerm(new Flags("$caravan"), true))));
            message.setFlags(new Flags(Flags.Flag.FLAGGED), false);
            assertFalse(storedFlags(stored, uid).has(SystemFlag.FLAGGED));
            assertEquals(0, inbox.search(new AndTerm(new SubjectTerm(subject),
                    new FlagTerm(new Flags(Flags.Flag.FLAGGED), true))).length);
            assertEquals(0, inbox.search(new AndTerm(new SubjectTerm(subject), new BodyTerm("no such words"))).length);
            assertEquals(1, inbox.search(new AndTerm(new SubjectTerm(subject), new BodyTerm("one dry"))).length);

            Folder archive = client.getFolder("Archive " + subject.substring(6, 14));
            assertTrue(archive.create(Folder.HOLDS_MESSAGES));
            AppendUID[] moved = inbox.moveUIDMessages(new Message[] {message}, archive);
            assertEquals(1, moved.length);
            Mailbox target = store.mailboxes(USER).open(archive.getFullName());
            assertEquals(target.info().uidValidity(), moved[0].uidvalidity);
            assertArrayEquals(new long[] {moved[0].uid}, target.uids());
            assertTrue(storedFlags(target, moved[0].uid).keywords().contains("$caravan"));
            assertFalse(Arrays.stream(stored.uids()).anyMatch(u -> u == uid));
            assertEquals(0, inbox.search(new SubjectTerm(subject)).length);
            inbox.close(false);
        }
    }

    @Test
    public void idleWakesUpWhenMailIsDeliveredOverSmtp() throws Exception {
        String subject = "Idle " + UUID.randomUUID();
        try (Store client = imaps()) {
            client.connect(USER, "dune");
            IMAPFolder inbox = (IMAPFolder) client.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Message> added = new CopyOnWriteArrayList<>();
            inbox.addMessageCountListener(new MessageCountAdapter() {
                @Override
                public void messagesAdded(MessageCountEvent event) {
                    added.addAll(Arrays.asList(event.getMessages()));
                }
            });
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread idler = new Thread(() -> {
                try {
                    inbox.idle(true); // returns after the first untagged response
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, "imap-idle");
            idler.start();
            sendText(USER, subject);
            await().atMost(Duration.ofSeconds(20)).until(() -> !added.isEmpty());
            await().atMost(Duration.ofSeconds(20)).until(() -> !idler.isAlive());
            assertEquals(null, failure.get());
            assertTrue(added.stream().anyMatch(m -> subjectOf(m).equals(subject)));
            inbox.close(false);
        }
    }

    @Test
    public void camelMailImapsConsumerReadsUnseenMailAndMovesIt() throws Exception {
        String subject = "For the porter " + UUID.randomUUID();
        String seenSubject = "Already read " + UUID.randomUUID();
        sendText(PORTER, seenSubject);
        Mailbox inbox = store.mailboxes(PORTER).open("INBOX");
        long seenUid = await().atMost(Duration.ofSeconds(20)).until(() -> uidOf(inbox, seenSubject), u -> u > 0);
        inbox.updateFlags(new long[] {seenUid}, FlagUpdate.add(io.serai.store.api.Flags.of(SystemFlag.SEEN)));

        Properties trust = new Properties();
        trust.put("mail.imaps.ssl.trust", "127.0.0.1");
        camelContext.getRegistry().bind("itImapsTrust", trust);
        List<String> subjects = new CopyOnWriteArrayList<>();
        String uri = "imaps://127.0.0.1:" + IMAPS_PORT + "?username=" + PORTER + "&password=dune"
                + "&unseen=true&delete=false&moveTo=Processed&additionalJavaMailProperties=#itImapsTrust"
                + "&initialDelay=0&delay=200";
        ServiceRegistration<RoutesBuilder> route = bundleContext.registerService(RoutesBuilder.class,
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(uri).routeId("it-camel-imaps")
                                .process(e -> subjects.add(e.getMessage().getHeader("Subject", String.class)));
                    }
                }, null);
        try {
            sendText(PORTER, subject);
            await().atMost(Duration.ofSeconds(30)).until(() -> subjects.contains(subject));
            Mailbox processed = await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .until(() -> store.mailboxes(PORTER).open("Processed"), m -> uidOf(m, subject) > 0);
            assertTrue(storedFlags(processed, uidOf(processed, subject)).has(SystemFlag.SEEN));
            // moved: camel-mail copies, marks \Deleted and expunges when it closes the folder after the poll
            await().atMost(Duration.ofSeconds(20)).until(() -> uidOf(inbox, subject) == 0);
            // while the seen message was left alone
            assertFalse(subjects.toString(), subjects.contains(seenSubject));
            assertEquals(seenUid, uidOf(inbox, seenSubject));
            assertEquals(0, uidOf(processed, seenSubject));
        } finally {
            route.unregister();
            camelContext.getRegistry().unbind("itImapsTrust");
        }
    }

    /** Issue #7: a user MOVEs a message into a folder in an IMAP client, and the folder's route runs. */
    @Test
    public void imapMoveIntoARouteBackedFolderRunsItsRoute() throws Exception {
        List<String> subjects = new CopyOnWriteArrayList<>();
        ServiceRegistration<RoutesBuilder> route = bundleContext.registerService(RoutesBuilder.class,
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("mailbox:" + USER + "/Tickets?store=#seraiStore&createFolder=true").routeId("it-tickets")
                                .process(e -> subjects.add(e.getMessage().getHeader("SeraiMailboxSubject", String.class)));
                    }
                }, null);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> started("it-tickets"));
            String subject = "Broken well " + UUID.randomUUID();
            sendText(USER, subject);
            try (Store client = imaps()) {
                client.connect(USER, "dune");
                IMAPFolder inbox = (IMAPFolder) client.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                Message[] found = await().atMost(Duration.ofSeconds(20))
                        .until(() -> inbox.search(new SubjectTerm(subject)), m -> m.length == 1);
                AppendUID[] moved = inbox.moveUIDMessages(found, client.getFolder("Tickets"));
                await().atMost(Duration.ofSeconds(20)).until(() -> subjects.contains(subject));
                // the route's default onCompletion marks the message \Seen in Tickets
                Mailbox tickets = store.mailboxes(USER).open("Tickets");
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> storedFlags(tickets, moved[0].uid).has(SystemFlag.SEEN));
                inbox.close(false);
            }
        } finally {
            route.unregister();
        }
    }

    private Store starttls() throws Exception {
        Properties imap = props("mail.imap", IMAP_PORT);
        imap.put("mail.imap.starttls.enable", "true");
        imap.put("mail.imap.starttls.required", "true");
        imap.put("mail.imap.ssl.trust", "127.0.0.1");
        return Session.getInstance(imap).getStore("imap");
    }

    private Store imaps() throws Exception {
        Properties imaps = props("mail.imaps", IMAPS_PORT);
        imaps.put("mail.imaps.ssl.trust", "127.0.0.1");
        return Session.getInstance(imaps).getStore("imaps");
    }

    private void sendText(String to, String subject) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(props("mail.smtp", SMTP_PORT)));
        message.setFrom(new InternetAddress("caravan@oasis.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText("Two wells, one dry.", "UTF-8");
        Transport.send(message);
    }

    private void sendMultipart(String to, String subject) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(props("mail.smtp", SMTP_PORT)));
        message.setFrom(new InternetAddress("caravan@oasis.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Salt, dates, and 12 bales of cotton.", "UTF-8");
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(ATTACHMENT, "application/octet-stream")));
        file.setFileName("manifest.bin");
        message.setContent(new MimeMultipart(text, file));
        Transport.send(message);
    }

    private static Message find(Folder folder, String subject) throws Exception {
        Message[] found = folder.search(new SubjectTerm(subject));
        return found.length == 1 ? found[0] : null;
    }

    private static String subjectOf(Message message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The UID of the stored message with this subject, 0 if there is none. */
    private static long uidOf(Mailbox mailbox, String subject) {
        try {
            for (long uid : mailbox.uids()) {
                byte[] bytes = readAll(mailbox.content(uid).openStream());
                if (new String(bytes, StandardCharsets.ISO_8859_1).contains("Subject: " + subject + "\r\n")) {
                    return uid;
                }
            }
            return 0;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static io.serai.store.api.Flags storedFlags(Mailbox mailbox, long uid) throws Exception {
        return mailbox.messages(uid, uid).get(0).flags();
    }

    private boolean started(String routeId) {
        return camelContext.getRoute(routeId) != null
                && camelContext.getRouteController().getRouteStatus(routeId) == ServiceStatus.Started;
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
