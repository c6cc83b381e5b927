package io.serai.imap.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.serai.imap.protocol.decode.FramerLimits;
import io.serai.imap.protocol.process.AccountCredentials;
import io.serai.imap.protocol.process.ImapConfig;
import io.serai.imap.protocol.process.ImapSession;
import io.serai.store.api.MailStore;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The framer and session handlers in an {@link EmbeddedChannel}: bytes in, bytes out. */
class EmbeddedConversationTest {

    @TempDir
    Path dir;
    private MailStore store;
    private EmbeddedChannel channel;

    @BeforeEach
    void open() throws Exception {
        store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir).withFsync(FsyncPolicy.NEVER));
        store.accounts().addDomain("example.org");
        store.accounts().createAccount("fred@example.org", "fat man".toCharArray());
        ImapConfig config = new ImapConfig(store, new AccountCredentials(store.accounts()), true, 1000, "t", 10);
        ImapFramerHandler framer = new ImapFramerHandler(new FramerLimits(1024, 100, 4096, 10),
                new FramerLimits(1024, 1000, 4096, 10));
        channel = new EmbeddedChannel(framer, new ImapSessionHandler(() -> new ImapSession(config, false, false),
                framer, null));
    }

    @AfterEach
    void close() throws Exception {
        channel.finishAndReleaseAll();
        store.close();
    }

    private void send(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }

    private String output() {
        StringBuilder out = new StringBuilder();
        ByteBuf buf;
        while ((buf = channel.readOutbound()) != null) {
            out.append(buf.toString(StandardCharsets.UTF_8));
            buf.release();
        }
        return out.toString();
    }

    @Test
    void loginWithSynchronizingLiteralsThenLogoutCloses() {
        assertThat(output()).startsWith("* OK [CAPABILITY IMAP4rev1 ").endsWith("] t IMAP ready\r\n");
        send("A001 LOGIN {16}\r\n");
        assertThat(output()).isEqualTo("+ Ready for literal data\r\n");
        send("fred@example.org {7}\r\n");
        assertThat(output()).isEqualTo("+ Ready for literal data\r\n");
        send("fat man\r\n");
        assertThat(output()).startsWith("A001 OK [CAPABILITY ").endsWith("LOGIN completed\r\n");
        send("A002 LOGOUT\r\nA003 NOOP\r\n");
        assertThat(output()).isEqualTo("* BYE Logging out\r\nA002 OK LOGOUT completed\r\n");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void pipelinedCommandsAndSyntaxErrors() {
        output();
        send("a NOOP\r\nb FROB\r\nc LOGIN x {101}\r\nd NOOP\r\n");
        assertThat(output()).isEqualTo("a OK NOOP completed\r\nb BAD Unknown command FROB\r\n"
                + "c BAD [TOOBIG] Literal too large\r\nd OK NOOP completed\r\n");
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void literalsMayGrowOnlyAfterAuthentication() {
        output();
        send("a LOGIN {200}\r\n");
        assertThat(output()).isEqualTo("a BAD [TOOBIG] Literal too large\r\n");
        send("b LOGIN fred@example.org \"fat man\"\r\n");
        assertThat(output()).startsWith("b OK ");
        send("c CREATE {200}\r\n");
        assertThat(output()).isEqualTo("+ Ready for literal data\r\n");
        send("x".repeat(200) + "\r\n");
        assertThat(output()).isEqualTo("c OK CREATE completed\r\n");
    }

    @Test
    void overlongLineGetsByeAndClose() {
        output();
        send("a " + "x".repeat(2000) + "\r\n");
        assertThat(output()).isEqualTo("a BAD Line too long\r\n* BYE Protocol error, closing\r\n");
        assertThat(channel.isOpen()).isFalse();
    }
}
