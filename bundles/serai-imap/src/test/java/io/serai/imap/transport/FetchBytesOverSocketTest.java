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
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A message APPENDed over the socket comes back from FETCH BODY[] octet for octet: CRLFs, 8-bit octets, and a size
 * larger than the transport's write chunk so the literal spans several buffers.
 */
class FetchBytesOverSocketTest {

    @TempDir
    Path dir;
    private MailStore store;
    private NettyImapServer server;
    private InetSocketAddress address;

    @BeforeEach
    void start() throws Exception {
        store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir).withFsync(FsyncPolicy.NEVER));
        store.accounts().addDomain("example.org");
        store.accounts().createAccount("alice@example.org", "pencil".toCharArray());
        server = new NettyImapServer(new ImapConfig(store, new AccountCredentials(store.accounts()), true,
                10_000_000, "serai.test", 10), FramerLimits.DEFAULT, null, false);
        address = server.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        store.close();
    }

    private static byte[] message(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 100);
        out.writeBytes("Subject: bytes\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        int i = 0;
        while (out.size() < size) {
            for (int k = 0; k < 70; k++, i++) {
                int b = 32 + Math.floorMod(i * 7919, 224); // printable ASCII and 8-bit octets, never NUL, CR or LF (floorMod: i * 7919 overflows)
                out.write(b);
            }
            out.write('\r');
            out.write('\n');
        }
        return out.toByteArray();
    }

    @Test
    void appendedBytesComeBackIdentical() throws Exception {
        byte[] message = message(3 * ResponseWriter.CHUNK + 1234);
        try (RawImapBytesClient c = new RawImapBytesClient(address)) {
            c.command("l", "LOGIN alice@example.org pencil");
            c.send("a APPEND INBOX {" + message.length + "}\r\n");
            assertThat(new String(c.line(), StandardCharsets.US_ASCII)).startsWith("+ ");
            c.send(message);
            c.send("\r\n");
            assertThat(new String(c.untilTagged("a"), StandardCharsets.US_ASCII)).contains("a OK");
            c.command("s", "SELECT INBOX");

            byte[] whole = c.command("f", "FETCH 1 BODY.PEEK[]");
            byte[] prefix = ("* 1 FETCH (BODY[] {" + message.length + "}\r\n").getBytes(StandardCharsets.US_ASCII);
            assertThat(Arrays.copyOf(whole, prefix.length)).isEqualTo(prefix);
            assertThat(Arrays.copyOfRange(whole, prefix.length, prefix.length + message.length)).isEqualTo(message);
            assertThat(new String(whole, prefix.length + message.length, whole.length - prefix.length
                    - message.length, StandardCharsets.US_ASCII)).isEqualTo(")\r\nf OK FETCH completed\r\n");

            byte[] part = c.command("p", "FETCH 1 BODY.PEEK[]<300000.1000>");
            byte[] partPrefix = "* 1 FETCH (BODY[]<300000> {1000}\r\n".getBytes(StandardCharsets.US_ASCII);
            assertThat(Arrays.copyOf(part, partPrefix.length)).isEqualTo(partPrefix);
            assertThat(Arrays.copyOfRange(part, partPrefix.length, partPrefix.length + 1000))
                    .isEqualTo(Arrays.copyOfRange(message, 300000, 301000));
        }
    }

    @Test
    void aFetchOfManyLargeMessagesArrivesWhole() throws Exception {
        // far beyond the channel's high-water mark: the writer waits for the socket between buffers
        byte[] message = message(ResponseWriter.CHUNK + 777);
        io.serai.store.api.Mailbox inbox = store.mailboxes("alice@example.org").open("INBOX");
        for (int i = 0; i < 24; i++) {
            inbox.append(io.serai.store.api.AppendRequest.of(io.serai.store.api.ContentSource.of(
                    new java.io.ByteArrayInputStream(message))));
        }
        try (RawImapBytesClient c = new RawImapBytesClient(address)) {
            c.command("l", "LOGIN alice@example.org pencil");
            c.command("s", "EXAMINE INBOX");
            byte[] all = c.command("f", "FETCH 1:* BODY.PEEK[]");
            String text = new String(all, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(text.split("BODY\\[] \\{" + message.length + "}\r\n", -1)).hasSize(25);
            assertThat(text).endsWith(")\r\nf OK FETCH completed\r\n");
            int at = text.indexOf("* 24 FETCH (BODY[] {");
            int start = text.indexOf("\r\n", at) + 2;
            assertThat(Arrays.copyOfRange(all, start, start + message.length)).isEqualTo(message);
        }
    }
}
