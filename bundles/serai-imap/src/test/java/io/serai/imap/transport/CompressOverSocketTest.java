package io.serai.imap.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.imap.protocol.decode.FramerLimits;
import io.serai.imap.protocol.process.AccountCredentials;
import io.serai.imap.protocol.process.ImapConfig;
import io.serai.store.api.MailStore;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.PrintStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * COMPRESS=DEFLATE (RFC 4978) over a real socket, the client side being plain java.util.zip raw-DEFLATE streams:
 * the OK comes uncompressed, everything after is compressed both ways with a sync flush per response.
 */
class CompressOverSocketTest {

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
        server = new NettyImapServer(new ImapConfig(store, new AccountCredentials(store.accounts()), true,
                1_000_000, "serai.test", 10), FramerLimits.DEFAULT, null, false);
        address = server.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        store.close();
    }

    /** Counts the octets that really cross the socket. */
    private static final class Counting extends FilterInputStream {
        final AtomicLong count = new AtomicLong();

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }

    @Test
    void angusMailCompressesWhenAsked() throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", Integer.toString(address.getPort()));
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "5000");
        props.put("mail.imap.compress.enable", "true");
        Session session = Session.getInstance(props);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        session.setDebugOut(new PrintStream(log, true, StandardCharsets.UTF_8));
        session.setDebug(true);
        Store imap = session.getStore("imap");
        imap.connect(USER, "pencil");
        try {
            MimeMessage message = new MimeMessage(session);
            message.setSubject("compressed");
            message.setText("hello ".repeat(2000));
            imap.getFolder("Drafts").appendMessages(new Message[] {message});
            Folder drafts = imap.getFolder("Drafts");
            drafts.open(Folder.READ_ONLY);
            assertThat(drafts.getMessageCount()).isEqualTo(1);
            drafts.close(false);
        } finally {
            imap.close();
        }
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("COMPRESS DEFLATE").contains("OK DEFLATE active");
    }

    @Test
    void compressDeflateBothWays() throws Exception {
        try (RawImapClient c = new RawImapClient(address)) {
            assertThat(c.line()).startsWith("* OK ");
            c.send("a COMPRESS DEFLATE");
            assertThat(c.line()).isEqualTo("a BAD COMPRESS not allowed now");
            c.send("l LOGIN " + USER + " pencil");
            assertThat(c.until("l")).contains("COMPRESS=DEFLATE");
            c.send("b COMPRESS ZSTD");
            assertThat(c.line()).isEqualTo("b BAD Unsupported compression mechanism");
            c.send("c COMPRESS DEFLATE");
            assertThat(c.line()).isEqualTo("c OK DEFLATE active"); // still uncompressed
            Counting wire = new Counting(c.rawIn());
            c.wrap(new InflaterInputStream(wire, new Inflater(true)),
                    new DeflaterOutputStream(c.rawOut(), new Deflater(Deflater.DEFAULT_COMPRESSION, true), true));
            c.send("d NOOP");
            assertThat(c.line()).isEqualTo("d OK NOOP completed");
            c.send("e COMPRESS DEFLATE");
            assertThat(c.line()).isEqualTo("e NO [COMPRESSIONACTIVE] DEFLATE active");
            c.send("f CAPABILITY");
            assertThat(c.until("f")).doesNotContain("COMPRESS=DEFLATE").endsWith("f OK CAPABILITY completed\r\n");
            String body = "All work and no play makes Jack a dull boy.\r\n".repeat(400);
            String message = "Subject: big\r\n\r\n" + body;
            c.send("g APPEND INBOX {" + message.length() + "}");
            assertThat(c.line()).isEqualTo("+ Ready for literal data");
            c.send(message);
            assertThat(c.until("g")).startsWith("g OK [APPENDUID ");
            assertThat(store.mailboxes(USER).open("INBOX").messages()).singleElement()
                    .satisfies(m -> assertThat(m.size()).isEqualTo(message.length()));
            long before = wire.count.get();
            c.send("h LIST \"\" \"*\"");
            String list = c.until("h");
            assertThat(list).contains("* LIST (\\HasNoChildren \\Sent) \"/\" Sent\r\n").endsWith("h OK LIST completed\r\n");
            assertThat(wire.count.get() - before).as("compressed on the wire").isLessThan(list.length());
            c.send("z LOGOUT");
            assertThat(c.until("z")).isEqualTo("* BYE Logging out\r\nz OK LOGOUT completed\r\n");
        }
    }
}
