package io.serai.imap.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serai.imap.protocol.decode.FramerLimits;
import io.serai.imap.protocol.process.AccountCredentials;
import io.serai.imap.protocol.process.CountingStore;
import io.serai.imap.protocol.process.ImapConfig;
import io.serai.store.api.MailStore;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.imap.IMAPFolder;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IDLE over real sockets: a message appended by another connection is pushed at once (raw client and Angus Mail's
 * {@code IMAPFolder.idle()}), many idling connections need no thread each, and the IDLE timeout says BYE.
 */
class IdleOverSocketTest {

    private static final String USER = "alice@example.org";
    private static final String MESSAGE = "Subject: pushed\r\n\r\nhello\r\n";

    @TempDir
    Path dir;
    private MailStore store;
    private NettyImapServer server;
    private InetSocketAddress address;
    private ExecutorService background;

    @BeforeEach
    void start() throws Exception {
        store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir).withFsync(FsyncPolicy.NEVER));
        store.accounts().addDomain("example.org");
        store.accounts().createAccount(USER, "pencil".toCharArray());
        background = Executors.newCachedThreadPool();
    }

    private void serve(Duration idleTimeout) throws Exception {
        ImapConfig config = new ImapConfig(store, new AccountCredentials(store.accounts()), true, 1_000_000,
                "serai.test", 10).withIdleTimeout(idleTimeout);
        server = new NettyImapServer(config, FramerLimits.DEFAULT, null, false);
        address = server.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws Exception {
        background.shutdownNow();
        if (server != null) {
            server.close();
        }
        store.close();
    }

    private RawImapClient selected() throws Exception {
        RawImapClient c = new RawImapClient(address);
        assertThat(c.line()).startsWith("* OK ");
        c.send("l LOGIN " + USER + " pencil");
        assertThat(c.until("l")).contains("l OK ");
        c.send("s SELECT INBOX");
        assertThat(c.until("s")).contains("* 0 EXISTS").contains("s OK [READ-WRITE]");
        return c;
    }

    private void appendFromAnotherConnection(String tag) throws Exception {
        try (RawImapClient other = new RawImapClient(address)) {
            other.line();
            other.send("l LOGIN " + USER + " pencil");
            other.until("l");
            other.send(tag + " APPEND INBOX {" + MESSAGE.length() + "+}\r\n" + MESSAGE);
            assertThat(other.until(tag)).contains(tag + " OK [APPENDUID ");
        }
    }

    @Test
    void rawClientGetsExistsPushedWhileIdling() throws Exception {
        serve(ImapConfig.DEFAULT_IDLE_TIMEOUT);
        try (RawImapClient c = selected()) {
            c.send("i IDLE");
            assertThat(c.line()).isEqualTo("+ idling");
            appendFromAnotherConnection("a1");
            assertThat(c.line()).isEqualTo("* 1 EXISTS"); // pushed, without any command from this client
            assertThat(c.line()).isEqualTo("* 1 RECENT"); // no other session was told about it
            appendFromAnotherConnection("a2");
            assertThat(c.line()).isEqualTo("* 2 EXISTS");
            assertThat(c.line()).isEqualTo("* 2 RECENT");
            c.send("DONE");
            assertThat(c.line()).isEqualTo("i OK IDLE terminated");
            c.send("n NOOP");
            assertThat(c.line()).isEqualTo("n OK NOOP completed");
            c.send("j IDLE");
            assertThat(c.line()).isEqualTo("+ idling");
            c.send("k NOOP");
            assertThat(c.line()).isEqualTo("j BAD Expected DONE");
        }
    }

    @Test
    void manyIdlingConnectionsNeedNoThreadEach() throws Exception {
        serve(ImapConfig.DEFAULT_IDLE_TIMEOUT);
        List<RawImapClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) { // three times the session threads: an IDLE must not hold one
                RawImapClient c = selected();
                c.send("i IDLE");
                assertThat(c.line()).isEqualTo("+ idling");
                clients.add(c);
            }
            appendFromAnotherConnection("a1");
            int recentIn = 0;
            for (RawImapClient c : clients) {
                assertThat(c.line()).isEqualTo("* 1 EXISTS");
                String recent = c.line();
                assertThat(recent).isIn("* 0 RECENT", "* 1 RECENT");
                recentIn += recent.equals("* 1 RECENT") ? 1 : 0;
                c.send("DONE");
                assertThat(c.line()).isEqualTo("i OK IDLE terminated");
            }
            assertThat(recentIn).as("sessions the new message is \\Recent in (RFC 3501 §2.3.2)").isEqualTo(1);
        } finally {
            for (RawImapClient c : clients) {
                c.close();
            }
        }
    }

    @Test
    void idleTimeoutSaysByeAndCloses() throws Exception {
        serve(Duration.ofMillis(300));
        try (RawImapClient c = selected()) {
            c.send("i IDLE");
            assertThat(c.line()).isEqualTo("+ idling");
            assertThat(c.line()).isEqualTo("* BYE IDLE timed out");
            assertThat(c.line()).isNull(); // the server closed the connection
        }
    }

    @Test
    void eachIdleHasItsOwnTimer() throws Exception {
        serve(Duration.ofMillis(300));
        try (RawImapClient c = selected()) {
            // short IDLEs back to back for longer than the timeout: a timer left over from an earlier IDLE would
            // end a later one early with BYE
            long end = System.nanoTime() + Duration.ofMillis(900).toNanos();
            int n = 0;
            while (System.nanoTime() < end) {
                c.send("i" + n + " IDLE");
                assertThat(c.line()).isEqualTo("+ idling");
                c.send("DONE");
                assertThat(c.line()).isEqualTo("i" + n + " OK IDLE terminated");
                n++;
            }
            c.send("n NOOP");
            assertThat(c.line()).isEqualTo("n OK NOOP completed");
        }
    }

    @Test
    void aDroppedConnectionReleasesItsStoreListener() throws Exception {
        CountingStore counting = new CountingStore(store);
        server = new NettyImapServer(new ImapConfig(counting, new AccountCredentials(store.accounts()), true,
                1_000_000, "serai.test", 10), FramerLimits.DEFAULT, null, false);
        address = server.start("127.0.0.1", 0);
        RawImapClient c = selected();
        c.send("i IDLE");
        assertThat(c.line()).isEqualTo("+ idling");
        assertThat(counting.listeners()).isEqualTo(1);
        c.close(); // no DONE, no LOGOUT
        await().atMost(Duration.ofSeconds(10)).until(() -> counting.listeners() == 0);
    }

    @Test
    void angusMailIdleSeesAMessageAppendedByAnotherConnection() throws Exception {
        serve(ImapConfig.DEFAULT_IDLE_TIMEOUT);
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", Integer.toString(address.getPort()));
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "20000");
        Session session = Session.getInstance(props);
        Store idler = session.getStore("imap");
        idler.connect(USER, "pencil");
        Store sender = session.getStore("imap");
        sender.connect(USER, "pencil");
        try {
            IMAPFolder inbox = (IMAPFolder) idler.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            List<Integer> added = new CopyOnWriteArrayList<>();
            inbox.addMessageCountListener(new MessageCountAdapter() {
                @Override
                public void messagesAdded(MessageCountEvent e) {
                    for (Message m : e.getMessages()) {
                        added.add(m.getMessageNumber());
                    }
                }
            });
            Future<?> idling = background.submit(() -> {
                inbox.idle(true); // returns after the first update
                return null;
            });
            MimeMessage message = new MimeMessage(session);
            message.setSubject("pushed");
            message.setText("hello\r\n");
            // whether the IDLE is already in place or not: IDLE reports what is pending at once, then pushes
            sender.getFolder("INBOX").appendMessages(new Message[] {message});
            await().atMost(Duration.ofSeconds(10)).until(() -> !added.isEmpty());
            idling.get(10, TimeUnit.SECONDS);
            assertThat(added.get(0)).isEqualTo(1);
            assertThat(inbox.getMessageCount()).isEqualTo(store.mailboxes(USER).open("INBOX").uids().length);
            inbox.close(false);
        } finally {
            idler.close();
            sender.close();
        }
    }
}
