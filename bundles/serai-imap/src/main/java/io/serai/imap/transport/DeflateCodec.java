package io.serai.imap.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * COMPRESS=DEFLATE on the wire (RFC 4978 §4): raw DEFLATE (RFC 1951, no zlib header) in both directions. Every write
 * ends with a sync flush, so each response reaches the client whole without waiting for more output. Sits right
 * after TLS (compress, then encrypt), on the I/O loop, like Netty's own compression handlers.
 */
final class DeflateCodec extends ChannelDuplexHandler {

    static final String NAME = "deflate";
    private static final int CHUNK = 16 * 1024;

    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    private final Inflater inflater = new Inflater(true);

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf in)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            byte[] input = new byte[in.readableBytes()];
            in.readBytes(input);
            inflater.setInput(input);
            byte[] chunk = new byte[CHUNK];
            int n;
            while ((n = inflater.inflate(chunk)) > 0) {
                ctx.fireChannelRead(ctx.alloc().buffer(n).writeBytes(chunk, 0, n));
            }
            if (inflater.finished()) { // the client ended its stream: nothing valid can follow
                ctx.close();
            }
        } catch (DataFormatException e) {
            ctx.fireExceptionCaught(e);
        } finally {
            in.release();
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof ByteBuf in)) {
            ctx.write(msg, promise);
            return;
        }
        ByteBuf out;
        try {
            byte[] input = new byte[in.readableBytes()];
            in.readBytes(input);
            deflater.setInput(input);
            out = ctx.alloc().buffer(input.length / 2 + 64);
            byte[] chunk = new byte[CHUNK];
            int n;
            do {
                n = deflater.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH);
                out.writeBytes(chunk, 0, n);
            } while (n == chunk.length || !deflater.needsInput());
        } finally {
            in.release();
        }
        ctx.write(out, promise);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        deflater.end(); // native memory
        inflater.end();
    }
}
