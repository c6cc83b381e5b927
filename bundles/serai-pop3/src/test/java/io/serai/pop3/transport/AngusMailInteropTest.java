package io.serai.pop3.transport;

import static io.serai.pop3.testing.TestStore.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serai.pop3.testing.TestCertificate;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Angus Mail's pop3 and pop3s providers against the server: download, byte-identical content, delete. */
class AngusMailInteropTest {

    static final String FIRST = "From: Bob <bob@example.net>\r\nTo: Alice <alice@example.org>\r\nSubject: first\r\n"
            + "Message-ID: <first@example.net>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
            + "\r\nHello Alice,\r\n.a line starting with a dot\r\n.\r\nbye\r\n";
    static final String SECOND = "From: Carol <carol@example.net>\r\nSubject: second\r\n\r\nshort\r\n";

    static TestCertificate tls;

    @TempDir
    Path dir;
    ServerFixture fixture;
    long firstUid;

    @BeforeAll
    static void certificate() throws Exception {
        tls = new TestCertificate();
    }

    @BeforeEach
    void start() throws Exception {
        fixture = new ServerFixture(dir);
        firstUid = fixture.store.append(ALICE, FIRST);
        fixture.store.append(ALICE, SECOND);
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private Store connect(String protocol, InetSocketAddress address, Properties extra, String password)
            throws Exception {
        Properties props = new Properties();
        String p = "mail." + protocol + ".";
        props.put(p + "host", "127.0.0.1");
        props.put(p + "port", Integer.toString(address.getPort()));
        props.put(p + "connectiontimeout", "5000");
        props.put(p + "timeout", "5000");
        props.putAll(extra);
        Store store = Session.getInstance(props).getStore(protocol);
        store.connect(ALICE, password);
        return store;
    }

    private void downloadAndDelete(Store store) throws Exception {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        Message[] messages = inbox.getMessages();
        assertThat(messages).hasSize(2);
        assertThat(bytes(messages[0])).isEqualTo(FIRST);
        assertThat(bytes(messages[1])).isEqualTo(SECOND);
        long uidValidity = fixture.store.inbox(ALICE).info().uidValidity();
        assertThat(((POP3Folder) inbox).getUID(messages[0])).isEqualTo(uidValidity + "." + firstUid);
        messages[0].setFlag(Flags.Flag.DELETED, true);
        inbox.close(true);
        store.close();
        assertThat(fixture.store.count(ALICE)).isEqualTo(1);
        assertThat(new String(fixture.store.content(ALICE, fixture.store.inbox(ALICE).uids()[0]),
                StandardCharsets.ISO_8859_1)).isEqualTo(SECOND);
    }

    private static String bytes(Message message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void pop3WithUserPass() throws Exception {
        InetSocketAddress address = fixture.start(b -> b.userWithoutTls(true));
        downloadAndDelete(connect("pop3", address, new Properties(), "pencil"));
    }

    @Test
    void pop3WithStls() throws Exception {
        InetSocketAddress address = fixture.start(b -> b.sslContext(tls.serverContext));
        Properties props = new Properties();
        props.put("mail.pop3.starttls.enable", "true");
        props.put("mail.pop3.starttls.required", "true");
        props.put("mail.pop3.ssl.socketFactory", tls.clientContext.getSocketFactory());
        downloadAndDelete(connect("pop3", address, props, "pencil"));
    }

    @Test
    void pop3s() throws Exception {
        InetSocketAddress address = fixture.start(b -> b.implicitTls(tls.serverContext));
        Properties props = new Properties();
        props.put("mail.pop3s.ssl.socketFactory", tls.clientContext.getSocketFactory());
        downloadAndDelete(connect("pop3s", address, props, "pencil"));
    }

    @Test
    void closingWithoutExpungeKeepsEverything() throws Exception {
        InetSocketAddress address = fixture.start(b -> b.userWithoutTls(true));
        Store store = connect("pop3", address, new Properties(), "pencil");
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        inbox.getMessage(1).setFlag(Flags.Flag.DELETED, true);
        inbox.close(false); // Angus sends RSET before QUIT
        store.close();
        assertThat(fixture.store.count(ALICE)).isEqualTo(2);
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        InetSocketAddress address = fixture.start(b -> b.userWithoutTls(true));
        assertThatThrownBy(() -> connect("pop3", address, new Properties(), "wrong"))
                .isInstanceOf(AuthenticationFailedException.class);
    }
}
