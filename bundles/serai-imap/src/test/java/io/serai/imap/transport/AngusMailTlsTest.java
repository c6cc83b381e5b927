package io.serai.imap.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serai.imap.protocol.decode.FramerLimits;
import io.serai.imap.protocol.process.AccountCredentials;
import io.serai.imap.protocol.process.ImapConfig;
import io.serai.store.api.MailStore;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Angus Mail over STARTTLS and implicit TLS, with plaintext authentication refused before TLS. */
class AngusMailTlsTest {

    private static final String USER = "alice@example.org";
    private static TestCertificate certificate;

    @TempDir
    Path dir;
    private MailStore store;
    private NettyImapServer starttls;
    private NettyImapServer implicit;

    @BeforeAll
    static void certificate() throws Exception {
        certificate = new TestCertificate();
    }

    @BeforeEach
    void start() throws Exception {
        store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir).withFsync(FsyncPolicy.NEVER));
        store.accounts().addDomain("example.org");
        store.accounts().createAccount(USER, "pencil".toCharArray());
        ImapConfig config = new ImapConfig(store, new AccountCredentials(store.accounts()), false, 1_000_000,
                "serai.test", 10);
        starttls = new NettyImapServer(config, FramerLimits.DEFAULT, certificate.server, false);
        implicit = new NettyImapServer(config, FramerLimits.DEFAULT, certificate.server, true);
    }

    @AfterEach
    void stop() throws Exception {
        starttls.close();
        implicit.close();
        store.close();
    }

    private Store connect(String protocol, InetSocketAddress address, boolean starttlsRequired) throws Exception {
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.put(p + "host", "127.0.0.1");
        props.put(p + "port", Integer.toString(address.getPort()));
        props.put(p + "connectiontimeout", "5000");
        props.put(p + "timeout", "5000");
        props.put(p + "ssl.socketFactory", certificate.client.getSocketFactory());
        props.put(p + "ssl.checkserveridentity", "true");
        props.put(p + "starttls.enable", Boolean.toString(starttlsRequired));
        props.put(p + "starttls.required", Boolean.toString(starttlsRequired));
        Store imap = Session.getInstance(props).getStore(protocol);
        imap.connect(USER, "pencil");
        return imap;
    }

    private static void assertInboxIsEmpty(Store imap) throws Exception {
        Folder inbox = imap.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        assertThat(inbox.getMessageCount()).isZero();
        inbox.close(false);
        imap.close();
    }

    @Test
    void starttlsThenLogin() throws Exception {
        assertInboxIsEmpty(connect("imap", starttls.start("127.0.0.1", 0), true));
    }

    @Test
    void implicitTls() throws Exception {
        assertInboxIsEmpty(connect("imaps", implicit.start("127.0.0.1", 0), false));
    }

    @Test
    void noPlaintextLoginWithoutTls() throws Exception {
        InetSocketAddress address = starttls.start("127.0.0.1", 0);
        assertThatThrownBy(() -> connect("imap", address, false)).isInstanceOf(MessagingException.class);
    }
}
