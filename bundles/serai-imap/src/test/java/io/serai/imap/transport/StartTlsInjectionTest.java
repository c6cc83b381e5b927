package io.serai.imap.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslHandler;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plaintext pipelined behind STARTTLS must never reach the session (RFC 9051 §11.1). */
class StartTlsInjectionTest {

    @TempDir
    Path dir;

    @Test
    void commandsAfterStarttlsInTheSameSegmentAreDropped() throws Exception {
        try (MailStore store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir).withFsync(FsyncPolicy.NEVER))) {
            ImapConfig config = new ImapConfig(store, new AccountCredentials(store.accounts()), true, 1000, "t", 10);
            ImapFramerHandler framer = new ImapFramerHandler(FramerLimits.PRE_AUTH, FramerLimits.DEFAULT);
            TlsStarter tls = new TlsStarter(new TestCertificate().server);
            EmbeddedChannel channel = new EmbeddedChannel(framer,
                    new ImapSessionHandler(() -> new ImapSession(config, false, true), framer, tls));
            assertThat(read(channel)).contains("STARTTLS");
            channel.writeInbound(Unpooled.copiedBuffer("a STARTTLS\r\nb CAPABILITY\r\n", StandardCharsets.US_ASCII));
            channel.runPendingTasks();
            assertThat(read(channel)).isEqualTo("a OK Begin TLS negotiation now\r\n");
            assertThat(channel.pipeline().first()).isInstanceOf(SslHandler.class);
            // plaintext that arrives after the switch meets the TLS handler, which rejects it and closes
            channel.writeInbound(Unpooled.copiedBuffer("c NOOP\r\n", StandardCharsets.US_ASCII));
            assertThat(read(channel)).isEmpty();
            assertThat(channel.isOpen()).isFalse();
            channel.finishAndReleaseAll();
        }
    }

    private static String read(EmbeddedChannel channel) {
        StringBuilder out = new StringBuilder();
        ByteBuf buf;
        while ((buf = channel.readOutbound()) != null) {
            out.append(buf.toString(StandardCharsets.US_ASCII));
            buf.release();
        }
        return out.toString();
    }
}
