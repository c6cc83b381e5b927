package io.serai.imap.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.imap.protocol.decode.FramerLimits;
import io.serai.imap.protocol.process.AccountCredentials;
import io.serai.imap.protocol.process.ImapConfig;
import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FromStringTerm;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.SortTerm;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SORT (RFC 5256) as Angus Mail uses it, {@code IMAPFolder.getSortedMessages}, and THREAD from a raw client, over a
 * real socket.
 */
class AngusMailSortTest {

    private static final String USER = "alice@example.org";

    @TempDir
    Path dir;
    private MailStore store;
    private Mailbox inbox;
    private NettyImapServer server;
    private InetSocketAddress address;
    private Store imap;

    @BeforeEach
    void start() throws Exception {
        store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir).withFsync(FsyncPolicy.NEVER));
        store.accounts().addDomain("example.org");
        store.accounts().createAccount(USER, "pencil".toCharArray());
        inbox = store.mailboxes(USER).open("INBOX");
        append("Message-ID: <1@x>\r\nFrom: Carol <carol@example.org>\r\nSubject: Re: Budget\r\n"
                + "In-Reply-To: <3@x>\r\n\r\n" + "x".repeat(300) + "\r\n", "2026-11-03T12:00:00Z");
        append("Message-ID: <2@x>\r\nFrom: Alice <alice@example.org>\r\nSubject: Offsite\r\n\r\nx\r\n",
                "2026-11-02T12:00:00Z");
        append("Message-ID: <3@x>\r\nFrom: Bob <bob@example.org>\r\nSubject: budget\r\n\r\n" + "x".repeat(100)
                + "\r\n", "2026-11-01T12:00:00Z");
        server = new NettyImapServer(new ImapConfig(store, new AccountCredentials(store.accounts()), true,
                1_000_000, "serai.test", 10), FramerLimits.DEFAULT, null, false);
        address = server.start("127.0.0.1", 0);
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", Integer.toString(address.getPort()));
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "5000");
        imap = Session.getInstance(props).getStore("imap");
        imap.connect(USER, "pencil");
    }

    private void append(String message, String internalDate) throws Exception {
        inbox.append(new AppendRequest(ContentSource.of(new ByteArrayInputStream(
                message.getBytes(StandardCharsets.UTF_8))), Instant.parse(internalDate),
                io.serai.store.api.Flags.NONE));
    }

    @AfterEach
    void stop() throws Exception {
        imap.close();
        server.close();
        store.close();
    }

    private static int[] numbers(Message[] messages) {
        return Arrays.stream(messages).mapToInt(Message::getMessageNumber).toArray();
    }

    @Test
    void angusSortsThroughTheServer() throws Exception {
        assertThat(((IMAPStore) imap).hasCapability("SORT")).isTrue();
        IMAPFolder folder = (IMAPFolder) imap.getFolder("INBOX");
        folder.open(Folder.READ_ONLY);
        assertThat(numbers(folder.getSortedMessages(new SortTerm[] {SortTerm.ARRIVAL}))).containsExactly(3, 2, 1);
        assertThat(numbers(folder.getSortedMessages(new SortTerm[] {SortTerm.SIZE}))).containsExactly(2, 3, 1);
        // base subjects budget, Offsite, budget: the two budgets tie and keep mailbox order
        assertThat(numbers(folder.getSortedMessages(new SortTerm[] {SortTerm.SUBJECT}))).containsExactly(1, 3, 2);
        assertThat(numbers(folder.getSortedMessages(new SortTerm[] {SortTerm.SUBJECT, SortTerm.REVERSE,
            SortTerm.SIZE}))).containsExactly(1, 3, 2);
        assertThat(numbers(folder.getSortedMessages(new SortTerm[] {SortTerm.REVERSE, SortTerm.FROM})))
                .containsExactly(1, 3, 2);
        assertThat(numbers(folder.getSortedMessages(new SortTerm[] {SortTerm.CC, SortTerm.FROM},
                new FromStringTerm("example.org")))).containsExactly(2, 3, 1); // no Cc anywhere: FROM decides
        assertThat(folder.getSortedMessages(new SortTerm[] {SortTerm.ARRIVAL})[0].getSubject()).isEqualTo("budget");
        folder.close(false);
    }

    @Test
    void threadOverTheWire() throws Exception {
        try (RawImapClient c = new RawImapClient(address)) {
            c.line();
            c.send("l LOGIN " + USER + " pencil");
            c.until("l");
            c.send("s SELECT INBOX");
            c.until("s");
            c.send("t THREAD REFERENCES UTF-8 ALL");
            // no Date headers: internal dates order the threads
            assertThat(c.until("t")).contains("* THREAD (3 1)(2)\r\n").contains("t OK THREAD completed");
            c.send("u UID THREAD ORDEREDSUBJECT UTF-8 ALL");
            assertThat(c.until("u")).contains("* THREAD (3 1)(2)\r\n");
        }
    }
}
