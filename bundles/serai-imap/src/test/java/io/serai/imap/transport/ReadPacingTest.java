package io.serai.imap.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With autoRead off, the framer asks for exactly one read per processed buffer, and none while unwritable. */
class ReadPacingTest {

    @TempDir
    Path dir;

    /** Counts the read requests that reach the head of the pipeline. */
    static final class ReadCounter extends ChannelOutboundHandlerAdapter {
        int reads;

        @Override
        public void read(ChannelHandlerContext ctx) {
            reads++;
            ctx.read();
        }
    }

    /** A peer that stops reading: flushes do not reach the socket while {@code stuck}. */
    static final class StuckPeer extends ChannelOutboundHandlerAdapter {
        boolean stuck;

        @Override
        public void flush(ChannelHandlerContext ctx) {
            if (!stuck) {
                ctx.flush();
            }
        }
    }

    @Test
    void oneReadPerBufferAndNoneWhileUnwritable() throws Exception {
        try (MailStore store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir).withFsync(FsyncPolicy.NEVER))) {
            ImapConfig config = new ImapConfig(store, new AccountCredentials(store.accounts()), true, 1000, "t", 10);
            ReadCounter counter = new ReadCounter();
            StuckPeer peer = new StuckPeer();
            ImapFramerHandler framer = new ImapFramerHandler(FramerLimits.PRE_AUTH, FramerLimits.DEFAULT);
            EmbeddedChannel channel = new EmbeddedChannel();
            channel.config().setAutoRead(false);
            channel.pipeline().addLast(peer, counter, framer,
                    new ImapSessionHandler(() -> new ImapSession(config, false, false), framer, null));
            channel.pipeline().fireChannelActive();
            assertThat(counter.reads).as("first read after the greeting").isEqualTo(1);
            channel.writeInbound(Unpooled.copiedBuffer("a NOOP\r\nb NOOP\r\n", StandardCharsets.US_ASCII));
            assertThat(counter.reads).isEqualTo(2);
            channel.writeInbound(Unpooled.copiedBuffer("c NO", StandardCharsets.US_ASCII));
            assertThat(counter.reads).as("a partial command needs more input").isEqualTo(3);

            // the client stops reading: responses pile up beyond the high water mark
            peer.stuck = true;
            channel.config().setWriteBufferWaterMark(new io.netty.channel.WriteBufferWaterMark(8, 16));
            channel.write(Unpooled.wrappedBuffer(new byte[64]));
            assertThat(channel.isWritable()).isFalse();
            channel.writeInbound(Unpooled.copiedBuffer("OP\r\n", StandardCharsets.US_ASCII));
            assertThat(counter.reads).as("no read while responses cannot be written").isEqualTo(3);
            peer.stuck = false;
            channel.flush();
            channel.runPendingTasks();
            assertThat(channel.isWritable()).isTrue();
            assertThat(counter.reads).as("reading resumes once writable").isEqualTo(4);
            channel.finishAndReleaseAll();
        }
    }
}
