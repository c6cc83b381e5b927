package io.serai.imap.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.imap.protocol.decode.FramerLimits;
import io.serai.imap.protocol.process.AccountCredentials;
import io.serai.imap.protocol.process.ImapConfig;
import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.SystemFlag;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.BodyTerm;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.FromStringTerm;
import jakarta.mail.search.NotTerm;
import jakarta.mail.search.OrTerm;
import jakarta.mail.search.ReceivedDateTerm;
import jakarta.mail.search.SearchTerm;
import jakarta.mail.search.SizeTerm;
import jakarta.mail.search.SubjectTerm;
import org.eclipse.angus.mail.imap.IMAPFolder;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Angus Mail's STORE, SEARCH and MOVE over a real socket. Only operations that need no FETCH response are used
 * (FETCH is not implemented yet): search results are checked by message number, flags in the store.
 */
class AngusMailFlagsSearchTest {

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
        append("From: Alice <alice@example.org>\r\nSubject: Quarterly numbers\r\n\r\nRevenue is up.\r\n",
                "2026-11-01T12:00:00Z");
        append("From: Bob <bob@example.org>\r\nSubject: Lunch?\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + "Grüße aus München\r\n", "2026-11-03T12:00:00Z");
        append("From: Carol <carol@example.org>\r\nSubject: Logs\r\n\r\n" + "x".repeat(5000) + "\r\n",
                "2026-11-05T12:00:00Z");
        server = new NettyImapServer(new ImapConfig(store, new AccountCredentials(store.accounts()), true,
                1_000_000, "serai.test", 10), FramerLimits.DEFAULT, null, false);
        address = server.start("127.0.0.1", 0);
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", Integer.toString(address.getPort()));
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "5000");
        props.put("mail.debug", System.getProperty("imapDebug", "false"));
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

    /** Noon of {@code day} in the client's zone, so Angus writes that day into the SEARCH command. */
    private static Date day(int month, int dayOfMonth) {
        return Date.from(LocalDate.of(2026, month, dayOfMonth).atTime(12, 0).atZone(ZoneId.systemDefault())
                .toInstant());
    }

    private boolean storeHas(int index, SystemFlag flag) throws Exception {
        MessageMeta m = inbox.messages().get(index);
        return m.flags().has(flag);
    }

    @Test
    void folderSetFlagsAndMessageSetFlagChangeTheStore() throws Exception {
        Folder folder = imap.getFolder("INBOX");
        folder.open(Folder.READ_WRITE);
        folder.setFlags(1, 2, new Flags(Flags.Flag.SEEN), true);
        assertThat(storeHas(0, SystemFlag.SEEN)).isTrue();
        assertThat(storeHas(1, SystemFlag.SEEN)).isTrue();
        assertThat(storeHas(2, SystemFlag.SEEN)).isFalse();
        folder.getMessage(3).setFlag(Flags.Flag.FLAGGED, true);
        assertThat(storeHas(2, SystemFlag.FLAGGED)).isTrue();
        Flags keyword = new Flags("project-x");
        folder.setFlags(new int[] {1, 3}, keyword, true);
        assertThat(inbox.messages().get(2).flags().keywords()).containsExactly("project-x");
        folder.setFlags(1, 3, new Flags(Flags.Flag.SEEN), false);
        assertThat(storeHas(0, SystemFlag.SEEN)).isFalse();
        folder.close(false);
    }

    @Test
    void searchTermsBecomeServerSearches() throws Exception {
        Folder folder = imap.getFolder("INBOX");
        folder.open(Folder.READ_WRITE);
        folder.setFlags(new int[] {2}, new Flags(Flags.Flag.SEEN), true);
        assertThat(numbers(folder.search(new SubjectTerm("quarterly")))).containsExactly(1);
        assertThat(numbers(folder.search(new FromStringTerm("bob@example.org")))).containsExactly(2);
        assertThat(numbers(folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false)))).containsExactly(1, 3);
        assertThat(numbers(folder.search(new AndTerm(new SubjectTerm("l"), new FlagTerm(
                new Flags(Flags.Flag.SEEN), true))))).containsExactly(2);
        SearchTerm either = new OrTerm(new SubjectTerm("logs"), new FromStringTerm("alice"));
        assertThat(numbers(folder.search(either))).containsExactly(1, 3);
        assertThat(numbers(folder.search(new NotTerm(either)))).containsExactly(2);
        assertThat(numbers(folder.search(new ReceivedDateTerm(ComparisonTerm.GE, day(11, 3))))).containsExactly(2, 3);
        assertThat(numbers(folder.search(new ReceivedDateTerm(ComparisonTerm.EQ, day(11, 1))))).containsExactly(1);
        assertThat(numbers(folder.search(new ReceivedDateTerm(ComparisonTerm.LT, day(11, 3))))).containsExactly(1);
        assertThat(numbers(folder.search(new SizeTerm(ComparisonTerm.GT, 1000)))).containsExactly(3);
        assertThat(numbers(folder.search(new SizeTerm(ComparisonTerm.LT, 1000)))).containsExactly(1, 2);
        assertThat(numbers(folder.search(new BodyTerm("revenue")))).containsExactly(1);
        folder.close(false);
    }

    @Test
    void bodySearchWithNonAsciiTextUsesUtf8() throws Exception {
        Folder folder = imap.getFolder("INBOX");
        folder.open(Folder.READ_ONLY);
        assertThat(numbers(folder.search(new BodyTerm("GRÜSSE")))).as("no case folding of ß to SS").isEmpty();
        assertThat(numbers(folder.search(new BodyTerm("grüße aus")))).containsExactly(2);
        assertThat(numbers(folder.search(new BodyTerm("MÜNCHEN")))).containsExactly(2);
        folder.close(false);
    }

    @Test
    void moveMessagesUsesMoveAndTheExpungesRenumber() throws Exception {
        assertThat(((org.eclipse.angus.mail.imap.IMAPStore) imap).hasCapability("MOVE")).isTrue();
        assertThat(((org.eclipse.angus.mail.imap.IMAPStore) imap).hasCapability("UIDPLUS")).isTrue();
        IMAPFolder folder = (IMAPFolder) imap.getFolder("INBOX");
        folder.open(Folder.READ_WRITE);
        Folder archive = imap.getFolder("Archive");
        Message first = folder.getMessage(1);
        Message second = folder.getMessage(2);
        Message third = folder.getMessage(3);
        folder.moveMessages(new Message[] {first, third}, archive);
        // Angus applies each "* n EXPUNGE" to its message cache: wrong numbers would expunge the wrong message
        assertThat(first.isExpunged()).isTrue();
        assertThat(third.isExpunged()).isTrue();
        assertThat(second.isExpunged()).isFalse();
        assertThat(inbox.messages()).hasSize(1);
        assertThat(store.mailboxes(USER).open("Archive").messages()).extracting(MessageMeta::size)
                .anySatisfy(size -> assertThat(size).isGreaterThan(5000));
        assertThat(folder.search(new SubjectTerm("lunch"))).as("server's number 1 is Angus's remaining message")
                .containsExactly(second);
        folder.close(false);
    }
}
