package io.serai.imap.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.imap.protocol.decode.FramerLimits;
import io.serai.imap.protocol.process.AccountCredentials;
import io.serai.imap.protocol.process.ImapConfig;
import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.MailStore;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Body literals larger than the writer's chunk go through the TLS handler intact (imaps, Angus Mail). */
class FetchOverTlsTest {

    private static final String USER = "alice@example.org";
    private static TestCertificate certificate;

    @TempDir
    Path dir;
    private MailStore store;
    private NettyImapServer server;
    private byte[] message;

    @BeforeAll
    static void certificate() throws Exception {
        certificate = new TestCertificate();
    }

    @BeforeEach
    void start() throws Exception {
        store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir).withFsync(FsyncPolicy.NEVER));
        store.accounts().addDomain("example.org");
        store.accounts().createAccount(USER, "pencil".toCharArray());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("Subject: large\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; out.size() < 2 * ResponseWriter.CHUNK + 5000; i++) {
            out.writeBytes(("line " + i + " of a large message sent over TLS\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        message = out.toByteArray();
        store.mailboxes(USER).open("INBOX").append(AppendRequest.of(ContentSource.of(new ByteArrayInputStream(message))));
        server = new NettyImapServer(new ImapConfig(store, new AccountCredentials(store.accounts()), false, 1_000_000,
                "serai.test", 10), FramerLimits.DEFAULT, certificate.server, true);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        store.close();
    }

    @Test
    void largeBodyOverImplicitTls() throws Exception {
        InetSocketAddress address = server.start("127.0.0.1", 0);
        Properties props = new Properties();
        props.put("mail.imaps.host", "127.0.0.1");
        props.put("mail.imaps.port", Integer.toString(address.getPort()));
        props.put("mail.imaps.connectiontimeout", "5000");
        props.put("mail.imaps.timeout", "5000");
        props.put("mail.imaps.ssl.socketFactory", certificate.client.getSocketFactory());
        props.put("mail.imaps.partialfetch", "false"); // one BODY[] literal of the whole message
        Store imap = Session.getInstance(props).getStore("imaps");
        imap.connect(USER, "pencil");
        try {
            Folder inbox = imap.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message m = inbox.getMessage(1);
            ByteArrayOutputStream fetched = new ByteArrayOutputStream();
            m.writeTo(fetched);
            assertThat(fetched.toByteArray()).isEqualTo(message);
            inbox.close(false);
        } finally {
            imap.close();
        }
    }
}
