package io.serai.imap.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.serai.imap.protocol.decode.CommandFramer;
import io.serai.imap.protocol.decode.DecodeException;
import io.serai.imap.protocol.decode.FrameSink;
import io.serai.imap.protocol.decode.FramerLimits;

/**
 * Feeds inbound bytes to a {@link CommandFramer} and fires what it finds down the pipeline: {@code byte[]} commands,
 * {@link #CONTINUE} when a synchronizing literal was accepted, and {@link DecodeException}s. Releases every buffer.
 */
final class ImapFramerHandler extends ChannelInboundHandlerAdapter {

    /** Fired when the client waits for {@code +} before sending literal data (RFC 9051 §7.5). */
    static final Object CONTINUE = new Object();

    private final CommandFramer framer;

    ImapFramerHandler(FramerLimits limits) {
        this.framer = new CommandFramer(limits);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf buf)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            framer.feed(bytes, 0, bytes.length, new FrameSink() {
                @Override
                public void continuationNeeded() {
                    ctx.fireChannelRead(CONTINUE);
                }

                @Override
                public void command(byte[] frame) {
                    ctx.fireChannelRead(frame);
                }

                @Override
                public void error(DecodeException error) {
                    ctx.fireChannelRead(error);
                }
            });
        } finally {
            buf.release();
        }
    }
}
