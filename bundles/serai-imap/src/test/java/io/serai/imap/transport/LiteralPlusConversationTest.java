package io.serai.imap.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.serai.imap.protocol.decode.FramerLimits;
import io.serai.imap.protocol.literal.LiteralSpool;
import io.serai.imap.protocol.process.AccountCredentials;
import io.serai.imap.protocol.process.ImapConfig;
import io.serai.imap.protocol.process.ImapSession;
import io.serai.store.api.MailStore;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LITERAL+ (RFC 7888) through the framer and session handlers, byte for byte: {@code {n+}} needs no continuation at
 * any size up to the literal limit, one past it gets BAD and BYE (RFC 7888 §4), and spooled literals are deleted
 * after the command and when the channel closes mid-literal.
 */
class LiteralPlusConversationTest {

    @TempDir
    Path dir;
    private Path spool;
    private MailStore store;
    private EmbeddedChannel channel;

    @BeforeEach
    void open() throws Exception {
        store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir.resolve("store")).withFsync(FsyncPolicy.NEVER));
        store.accounts().addDomain("example.org");
        store.accounts().createAccount("fred@example.org", "fat man".toCharArray());
        spool = Files.createDirectories(dir.resolve("spool"));
        ImapConfig config = new ImapConfig(store, new AccountCredentials(store.accounts()), true, 10_000, "t", 10);
        // as the channel initializer sets them for LITERAL+: non-synchronizing literals as large as any literal
        ImapFramerHandler framer = new ImapFramerHandler(new FramerLimits(1024, 100, 4096, 100),
                new FramerLimits(1024, 10_000, 20_000, 10_000), null, new LiteralSpool(100, spool));
        channel = new EmbeddedChannel(framer, new ImapSessionHandler(() -> new ImapSession(config, false, false),
                framer, null));
        output();
    }

    @AfterEach
    void close() throws Exception {
        channel.finishAndReleaseAll();
        store.close();
    }

    private void send(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
    }

    private String output() {
        StringBuilder out = new StringBuilder();
        ByteBuf buf;
        while ((buf = channel.readOutbound()) != null) {
            out.append(buf.toString(StandardCharsets.ISO_8859_1));
            buf.release();
        }
        return out.toString();
    }

    private long spoolFiles() throws IOException {
        try (Stream<Path> files = Files.list(spool)) {
            return files.count();
        }
    }

    private void login() {
        send("A001 LOGIN {16+}\r\nfred@example.org {7+}\r\nfat man\r\n"); // RFC 7888 §3's example, no "+" between
        assertThat(output()).startsWith("A001 OK [CAPABILITY IMAP4rev1 IMAP4rev2 LITERAL+ ENABLE ")
                .endsWith("] LOGIN completed\r\n");
    }

    @Test
    void greetingAdvertisesLiteralPlusOnly() {
        channel.close();
        EmbeddedChannel fresh = new EmbeddedChannel(new ImapSessionHandler(() -> new ImapSession(
                new ImapConfig(store, new AccountCredentials(store.accounts()), true, 10_000, "t", 10), false, false),
                new ImapFramerHandler(FramerLimits.PRE_AUTH, FramerLimits.DEFAULT), null));
        ByteBuf greeting = fresh.readOutbound();
        assertThat(greeting.toString(StandardCharsets.US_ASCII))
                .isEqualTo("* OK [CAPABILITY IMAP4rev1 IMAP4rev2 LITERAL+ ENABLE ID SASL-IR IDLE AUTH=SCRAM-SHA-256 "
                        + "AUTH=PLAIN AUTH=LOGIN] t IMAP ready\r\n");
        greeting.release();
        fresh.finishAndReleaseAll();
    }

    @Test
    void largeNonSynchronizingAppendIsSpooledAndAnsweredWithoutContinuation() throws Exception {
        login();
        String message = "Subject: plus\r\n\r\n" + "z".repeat(4983) + "\r\n"; // 5000 octets, past LITERAL-'s 4096
        send("a APPEND INBOX {5000+}\r\n" + message.substring(0, 2500));
        assertThat(output()).isEmpty();
        assertThat(spoolFiles()).isEqualTo(1);
        send(message.substring(2500) + "\r\n");
        long uidValidity = store.mailboxes("fred@example.org").open("INBOX").info().uidValidity();
        assertThat(output()).isEqualTo("a OK [APPENDUID " + uidValidity + " 1] APPEND completed\r\n");
        assertThat(spoolFiles()).isZero();
    }

    @Test
    void nonSynchronizingLiteralPastTheLimitGetsBadAndBye() {
        send("a LOGIN {101+}\r\n");
        assertThat(output()).isEqualTo("a BAD [TOOBIG] Literal too large\r\n* BYE Protocol error, closing\r\n");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void closingMidLiteralDeletesTheSpoolFile() throws Exception {
        login();
        send("a APPEND INBOX {5000+}\r\nSubject: cut\r\n\r\n" + "z".repeat(1000));
        assertThat(spoolFiles()).isEqualTo(1);
        channel.close();
        assertThat(spoolFiles()).isZero();
        assertThat(store.mailboxes("fred@example.org").open("INBOX").uids()).isEmpty();
    }
}
