package io.serai.imap.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serai.imap.protocol.decode.FramerLimits;
import io.serai.imap.protocol.process.AccountCredentials;
import io.serai.imap.protocol.process.ImapConfig;
import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.MailStore;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Angus Mail's imap provider against the server over a real socket: login, folders, select, message count. */
class AngusMailImapTest {

    private static final String USER = "alice@example.org";

    @TempDir
    Path dir;
    private MailStore store;
    private NettyImapServer server;
    private InetSocketAddress address;

    @BeforeEach
    void start() throws Exception {
        store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir).withFsync(FsyncPolicy.NEVER));
        store.accounts().addDomain("example.org");
        store.accounts().createAccount(USER, "pencil".toCharArray());
        for (int i = 0; i < 3; i++) {
            byte[] message = ("Subject: m" + i + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);
            store.mailboxes(USER).open("INBOX").append(AppendRequest.of(ContentSource.of(new ByteArrayInputStream(message))));
        }
        // no TLS in the transport yet, so plaintext authentication is allowed explicitly
        server = new NettyImapServer(new ImapConfig(store, new AccountCredentials(store.accounts()), true,
                1_000_000, "serai.test", 10), FramerLimits.DEFAULT, null, false);
        address = server.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        store.close();
    }

    private Store connect(String password) throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", Integer.toString(address.getPort()));
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "5000");
        Store imap = Session.getInstance(props).getStore("imap");
        imap.connect(USER, password);
        return imap;
    }

    @Test
    void loginListFoldersSelectInboxAndCount() throws Exception {
        Store imap = connect("pencil");
        try {
            String[] names = Arrays.stream(imap.getDefaultFolder().list("*")).map(Folder::getFullName)
                    .toArray(String[]::new);
            assertThat(names).contains("INBOX", "Sent", "Drafts", "Trash", "Junk", "Archive");
            Folder inbox = imap.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isEqualTo(3);
            inbox.close(false);
            Folder created = imap.getFolder("Projects");
            assertThat(created.create(Folder.HOLDS_MESSAGES)).isTrue();
            assertThat(imap.getFolder("Projects").exists()).isTrue();
        } finally {
            imap.close();
        }
    }

    @Test
    void appendThroughAngus() throws Exception {
        Store imap = connect("pencil");
        try {
            jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage((Session) null);
            message.setSubject("sent by Angus");
            message.setText("hello\r\n");
            message.setFlag(jakarta.mail.Flags.Flag.SEEN, true);
            Folder sent = imap.getFolder("Sent");
            sent.appendMessages(new jakarta.mail.Message[] {message});
            assertThat(store.mailboxes(USER).open("Sent").messages()).singleElement()
                    .satisfies(m -> assertThat(m.flags().has(io.serai.store.api.SystemFlag.SEEN)).isTrue());
        } finally {
            imap.close();
        }
    }

    @Test
    void wrongPasswordIsRejected() {
        assertThatThrownBy(() -> connect("wrong")).isInstanceOf(AuthenticationFailedException.class);
    }
}
