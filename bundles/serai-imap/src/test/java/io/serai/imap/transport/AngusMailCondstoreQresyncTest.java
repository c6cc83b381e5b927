package io.serai.imap.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serai.imap.protocol.decode.FramerLimits;
import io.serai.imap.protocol.process.AccountCredentials;
import io.serai.imap.protocol.process.ImapConfig;
import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.FlagUpdate;
import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.api.SystemFlag;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.event.MailEvent;
import jakarta.mail.event.MessageChangedEvent;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.MessageVanishedEvent;
import org.eclipse.angus.mail.imap.ResyncData;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Angus Mail's CONDSTORE and QRESYNC API over a real socket (RFC 7162): {@link IMAPFolder#getHighestModSeq()},
 * {@link IMAPMessage#getModSeq()}, {@link IMAPFolder#getMessagesByUIDChangedSince}, {@code open(mode, ResyncData)}
 * with {@link MessageVanishedEvent}, and VANISHED in place of EXPUNGE.
 */
class AngusMailCondstoreQresyncTest {

    private static final String USER = "alice@example.org";

    @TempDir
    Path dir;
    private MailStore store;
    private Mailbox inbox;
    private NettyImapServer server;
    private Store imap;

    @BeforeEach
    void start() throws Exception {
        store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir).withFsync(FsyncPolicy.NEVER));
        store.accounts().addDomain("example.org");
        store.accounts().createAccount(USER, "pencil".toCharArray());
        inbox = store.mailboxes(USER).open("INBOX");
        for (int i = 1; i <= 4; i++) {
            inbox.append(new AppendRequest(ContentSource.of(new ByteArrayInputStream(
                    ("Subject: message " + i + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII))),
                    Instant.parse("2026-11-01T12:00:00Z"), io.serai.store.api.Flags.NONE));
        }
        server = new NettyImapServer(new ImapConfig(store, new AccountCredentials(store.accounts()), true,
                1_000_000, "serai.test", 10), FramerLimits.DEFAULT, null, false);
        InetSocketAddress address = server.start("127.0.0.1", 0);
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", Integer.toString(address.getPort()));
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "5000");
        props.put("mail.debug", System.getProperty("imapDebug", "false"));
        imap = Session.getInstance(props).getStore("imap");
        imap.connect(USER, "pencil");
    }

    @AfterEach
    void stop() throws Exception {
        imap.close();
        server.close();
        store.close();
    }

    private static long uid(IMAPFolder folder, Message m) {
        try {
            return folder.getUID(m);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long storeModSeq(long uid) throws Exception {
        return inbox.messages(uid, uid).get(0).modSeq();
    }

    @Test
    void highestModSeqModSeqAndChangedSince() throws Exception {
        IMAPFolder folder = (IMAPFolder) imap.getFolder("INBOX");
        assertThat(((org.eclipse.angus.mail.imap.IMAPStore) imap).hasCapability("CONDSTORE")).isTrue();
        // closed folder: STATUS (HIGHESTMODSEQ)
        assertThat(folder.getHighestModSeq()).isEqualTo(inbox.info().highestModSeq());
        assertThat(folder.open(Folder.READ_WRITE, ResyncData.CONDSTORE)).isNullOrEmpty(); // SELECT (CONDSTORE)
        long before = folder.getHighestModSeq();
        assertThat(before).isEqualTo(inbox.info().highestModSeq());
        assertThat(((IMAPMessage) folder.getMessage(3)).getModSeq()).isEqualTo(storeModSeq(3));

        inbox.updateFlags(new long[] {2}, FlagUpdate.add(io.serai.store.api.Flags.of(SystemFlag.SEEN)));
        folder.getMessage(4).setFlag(Flags.Flag.FLAGGED, true);
        Message[] changed = folder.getMessagesByUIDChangedSince(1, UIDFolder.MAXUID, before);
        // Angus lists every FETCH response of the command, so the store's change to UID 2 also appears twice when
        // its event reaches the session during this FETCH (an unsolicited FETCH, RFC 9051 §7.5.2) instead of earlier
        assertThat(changed).extracting(m -> uid(folder, m)).containsOnly(2L, 4L);
        Message two = java.util.Arrays.stream(changed).filter(m -> uid(folder, m) == 2L).findFirst().orElseThrow();
        assertThat(((IMAPMessage) two).getModSeq()).isEqualTo(storeModSeq(2));
        folder.close(false);
    }

    @Test
    void reopeningWithResyncDataReportsVanishedAndChangedMessages() throws Exception {
        IMAPFolder folder = (IMAPFolder) imap.getFolder("INBOX");
        folder.open(Folder.READ_WRITE);
        long uidValidity = folder.getUIDValidity();
        long modSeq = folder.getHighestModSeq();
        folder.close(false);

        inbox.expunge(new long[] {1, 3});
        inbox.updateFlags(new long[] {4}, FlagUpdate.add(io.serai.store.api.Flags.of(SystemFlag.ANSWERED)));

        List<MailEvent> events = folder.open(Folder.READ_WRITE, new ResyncData(uidValidity, modSeq));
        assertThat(((org.eclipse.angus.mail.imap.IMAPStore) imap).hasCapability("QRESYNC")).isTrue();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(MessageVanishedEvent.class);
        assertThat(((MessageVanishedEvent) events.get(0)).getUIDs()).containsExactly(1L, 3L);
        assertThat(events.get(1)).isInstanceOf(MessageChangedEvent.class);
        Message changed = ((MessageChangedEvent) events.get(1)).getMessage();
        assertThat(folder.getUID(changed)).isEqualTo(4L);
        assertThat(changed.isSet(Flags.Flag.ANSWERED)).isTrue();
        assertThat(folder.getMessageCount()).isEqualTo(2);
        folder.close(false);
    }

    @Test
    void expungesByOthersArriveAsVanishedAndRemoveTheMessages() throws Exception {
        IMAPFolder folder = (IMAPFolder) imap.getFolder("INBOX");
        folder.open(Folder.READ_WRITE, new ResyncData(1, 1)); // enables QRESYNC; another UIDVALIDITY: no resync
        List<MessageCountEvent> removed = new CopyOnWriteArrayList<>();
        folder.addMessageCountListener(new MessageCountAdapter() {
            @Override
            public void messagesRemoved(MessageCountEvent e) {
                removed.add(e);
            }
        });
        // a resynchronising client knows its UIDs: Angus maps VANISHED UIDs to messages through them
        jakarta.mail.FetchProfile uids = new jakarta.mail.FetchProfile();
        uids.add(UIDFolder.FetchProfileItem.UID);
        folder.fetch(folder.getMessages(), uids);
        inbox.expunge(new long[] {2});
        // NOOP until the server has the store's event and reports it
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            folder.doCommand(p -> {
                p.simpleCommand("NOOP", null);
                return null;
            });
            return !removed.isEmpty();
        });
        // Angus maps a VANISHED of known messages to their Message objects (MessageVanishedEvent is for UIDs it
        // has no message for, as in the resync above)
        assertThat(removed).hasSize(1);
        assertThat(removed.get(0).getType()).isEqualTo(MessageCountEvent.REMOVED);
        assertThat(removed.get(0).getMessages()).hasSize(1);
        assertThat(removed.get(0).getMessages()[0].isExpunged()).isTrue();
        // Jakarta Mail keeps an expunged message's number until this client expunges, as with EXPUNGE
        assertThat(folder.getMessage(2).isExpunged()).isTrue();
        assertThat(folder.getMessage(3).getSubject()).isEqualTo("message 3");

        // this client's own EXPUNGE comes back as VANISHED too, and Angus maps it to the expunged messages
        folder.getMessage(1).setFlag(Flags.Flag.DELETED, true);
        Message[] expunged = folder.expunge();
        assertThat(expunged).extracting(Message::isExpunged).containsOnly(true).isNotEmpty();
        assertThat(inbox.uids()).containsExactly(3, 4);
        assertThat(folder.getMessage(1).getSubject()).isEqualTo("message 3");
        assertThat(folder.getMessageCount()).isEqualTo(2);
        folder.close(false);
    }
}
