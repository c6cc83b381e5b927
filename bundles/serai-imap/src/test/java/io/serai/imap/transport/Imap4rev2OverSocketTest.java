package io.serai.imap.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.imap.protocol.decode.FramerLimits;
import io.serai.imap.protocol.process.AccountCredentials;
import io.serai.imap.protocol.process.ImapConfig;
import io.serai.store.api.MailStore;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An IMAP4rev2 client over a real socket (RFC 9051): ENABLE IMAP4rev2, APPEND of binary content as a synchronizing
 * literal8 {@code ~{n}} (the framer asks for it with {@code +}), and the octets back through FETCH BINARY, exactly.
 */
class Imap4rev2OverSocketTest {

    private static final String USER = "alice@example.org";

    @TempDir
    Path dir;
    private MailStore store;
    private NettyImapServer server;
    private RawImapBytesClient client;

    @BeforeEach
    void start() throws Exception {
        store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir).withFsync(FsyncPolicy.NEVER));
        store.accounts().addDomain("example.org");
        store.accounts().createAccount(USER, "pencil".toCharArray());
        server = new NettyImapServer(new ImapConfig(store, new AccountCredentials(store.accounts()), true,
                1_000_000, "serai.test", 10), FramerLimits.DEFAULT, null, false);
        InetSocketAddress address = server.start("127.0.0.1", 0);
        client = new RawImapBytesClient(address);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
        store.close();
    }

    private String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void appendLiteral8AndFetchBinary() throws Exception {
        assertThat(text(client.command("a", "LOGIN " + USER + " pencil"))).contains(" IMAP4rev2 ").contains(" BINARY");
        assertThat(text(client.command("b", "ENABLE IMAP4rev2")))
                .isEqualTo("* ENABLED IMAP4rev2\r\nb OK ENABLE completed\r\n");
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.writeBytes("Subject: bin\r\nContent-Transfer-Encoding: binary\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 256; i++) {
            message.write(i); // every octet value, NUL included (RFC 3516 §4.3)
        }
        byte[] body = java.util.Arrays.copyOfRange(message.toByteArray(), message.size() - 256, message.size());
        client.send("c APPEND INBOX ~{" + message.size() + "}\r\n");
        assertThat(text(client.line())).startsWith("+ ");
        client.send(message.toByteArray());
        client.send("\r\n");
        assertThat(text(client.untilTagged("c"))).startsWith("c OK [APPENDUID ");
        assertThat(text(client.command("d", "SELECT INBOX"))).startsWith("* 1 EXISTS\r\n").doesNotContain("RECENT");
        byte[] fetched = client.command("e", "FETCH 1 BINARY.PEEK[1]");
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes("* 1 FETCH (BINARY[1] ~{256}\r\n".getBytes(StandardCharsets.US_ASCII));
        expected.writeBytes(body);
        expected.writeBytes(")\r\ne OK FETCH completed\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(fetched).isEqualTo(expected.toByteArray());
        assertThat(text(client.command("f", "SEARCH ALL"))).isEqualTo("* ESEARCH (TAG \"f\") ALL 1\r\nf OK SEARCH completed\r\n");
    }
}
