package io.serai.imap.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.imap.protocol.decode.FramerLimits;
import io.serai.imap.protocol.process.AccountCredentials;
import io.serai.imap.protocol.process.ImapConfig;
import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.Flags;
import io.serai.store.api.MailStore;
import io.serai.store.api.SystemFlag;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Angus Mail reading messages over a real socket: FETCH of envelopes, structures, bodies, partials and UIDs. */
class AngusMailFetchTest {

    private static final String USER = "alice@example.org";
    private static final Instant RECEIVED = Instant.parse("2026-11-03T10:15:30Z");

    @TempDir
    Path dir;
    private MailStore store;
    private NettyImapServer server;
    private InetSocketAddress address;
    private byte[] attachment;
    private byte[] mixed;
    private long mixedUid;
    private long bigUid;
    private byte[] big;

    @BeforeEach
    void start() throws Exception {
        store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir).withFsync(FsyncPolicy.NEVER));
        store.accounts().addDomain("example.org");
        store.accounts().createAccount(USER, "pencil".toCharArray());
        attachment = new byte[3000];
        new Random(7).nextBytes(attachment);
        String encoded = Base64.getMimeEncoder().encodeToString(attachment);
        mixed = ("From: \"Fred Foobar\" <foobar@example.org>\r\n"
                + "To: alice@example.org, Team: bob@example.org, carol@example.org;\r\n"
                + "Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\r\n"
                + "Date: Tue, 03 Nov 2026 10:00:00 +0000\r\n"
                + "Message-ID: <m1@example.org>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"xyz\"\r\n"
                + "\r\n"
                + "--xyz\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "\r\n"
                + "see the attachment\r\n"
                + "--xyz\r\n"
                + "Content-Type: application/octet-stream; name=\"data.bin\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"data.bin\"\r\n"
                + "\r\n"
                + encoded + "\r\n"
                + "--xyz--\r\n").getBytes(StandardCharsets.US_ASCII);
        mixedUid = append(mixed, Flags.NONE);
        StringBuilder text = new StringBuilder("Subject: big\r\n\r\n");
        for (int i = 0; text.length() < 10_000; i++) {
            text.append("line ").append(i).append(" of a message fetched in pieces\r\n");
        }
        big = text.toString().getBytes(StandardCharsets.US_ASCII);
        bigUid = append(big, Flags.of(SystemFlag.FLAGGED));
        server = new NettyImapServer(new ImapConfig(store, new AccountCredentials(store.accounts()), true,
                1_000_000, "serai.test", 10), FramerLimits.DEFAULT, null, false);
        address = server.start("127.0.0.1", 0);
    }

    private long append(byte[] message, Flags flags) throws Exception {
        return store.mailboxes(USER).open("INBOX")
                .append(new AppendRequest(ContentSource.of(new ByteArrayInputStream(message)), RECEIVED, flags))
                .uid();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        store.close();
    }

    private Store connect(Properties extra) throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", Integer.toString(address.getPort()));
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "5000");
        props.putAll(extra);
        Store imap = Session.getInstance(props).getStore("imap");
        imap.connect(USER, "pencil");
        return imap;
    }

    private boolean seen(long uid) throws Exception {
        return store.mailboxes(USER).open("INBOX").messages(uid, uid).get(0).flags().has(SystemFlag.SEEN);
    }

    @Test
    void multipartWithAnAttachment() throws Exception {
        Store imap = connect(new Properties());
        try {
            Folder inbox = imap.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message m = inbox.getMessage(1);
            assertThat(m.getSubject()).isEqualTo("Grüße");
            assertThat(((InternetAddress) m.getFrom()[0]).getPersonal()).isEqualTo("Fred Foobar");
            assertThat(((InternetAddress) m.getFrom()[0]).getAddress()).isEqualTo("foobar@example.org");
            InternetAddress[] to = (InternetAddress[]) m.getRecipients(Message.RecipientType.TO);
            assertThat(to).hasSize(2);
            assertThat(to[0].getAddress()).isEqualTo("alice@example.org");
            assertThat(to[1].isGroup()).isTrue(); // RFC 5322 group syntax survives the ENVELOPE
            assertThat(to[1].getGroup(false)).extracting(InternetAddress::getAddress)
                    .containsExactly("bob@example.org", "carol@example.org");
            assertThat(m.getSize()).isEqualTo(mixed.length);
            assertThat(m.getReceivedDate().toInstant()).isEqualTo(RECEIVED);
            assertThat(seen(mixedUid)).isFalse();
            Multipart content = (Multipart) m.getContent();
            assertThat(content.getCount()).isEqualTo(2);
            assertThat(content.getBodyPart(0).getContent()).isEqualTo("see the attachment");
            MimeBodyPart file = (MimeBodyPart) content.getBodyPart(1);
            assertThat(file.getDisposition()).isEqualTo(Part.ATTACHMENT);
            assertThat(file.getFileName()).isEqualTo("data.bin");
            try (InputStream in = file.getInputStream()) {
                assertThat(in.readAllBytes()).isEqualTo(attachment);
            }
            assertThat(seen(mixedUid)).isTrue();
            inbox.close(false);
        } finally {
            imap.close();
        }
    }

    @Test
    void partialFetchInSmallPiecesAndPeek() throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.partialfetch", "true");
        props.put("mail.imap.fetchsize", "1000");
        props.put("mail.imap.peek", "true");
        Store imap = connect(props);
        try {
            Folder inbox = imap.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message m = ((UIDFolder) inbox).getMessageByUID(bigUid);
            assertThat(m.getMessageNumber()).isEqualTo(2);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            m.writeTo(all);
            assertThat(all.toByteArray()).isEqualTo(big);
            try (InputStream in = m.getInputStream()) {
                assertThat(in.readAllBytes()).isEqualTo(
                        java.util.Arrays.copyOfRange(big, "Subject: big\r\n\r\n".length(), big.length));
            }
            assertThat(seen(bigUid)).isFalse();
            inbox.close(false);
        } finally {
            imap.close();
        }
    }

    @Test
    void fetchProfileEnvelopeFlagsContentInfoAndUid() throws Exception {
        Store imap = connect(new Properties());
        try {
            Folder inbox = imap.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] messages = inbox.getMessages();
            FetchProfile profile = new FetchProfile();
            profile.add(FetchProfile.Item.ENVELOPE);
            profile.add(FetchProfile.Item.FLAGS);
            profile.add(FetchProfile.Item.CONTENT_INFO);
            profile.add(UIDFolder.FetchProfileItem.UID);
            inbox.fetch(messages, profile);
            UIDFolder uids = (UIDFolder) inbox;
            assertThat(uids.getUID(messages[0])).isEqualTo(mixedUid);
            assertThat(uids.getUID(messages[1])).isEqualTo(bigUid);
            assertThat(messages[0].getContentType()).startsWithIgnoringCase("multipart/mixed")
                    .contains("boundary=xyz");
            assertThat(messages[1].isSet(jakarta.mail.Flags.Flag.FLAGGED)).isTrue();
            assertThat(messages[1].getSubject()).isEqualTo("big");
            assertThat(messages[0].getSentDate().toInstant()).isEqualTo(Instant.parse("2026-11-03T10:00:00Z"));
            assertThat(uids.getMessageByUID(mixedUid + 100)).isNull();
            inbox.close(false);
        } finally {
            imap.close();
        }
    }
}
