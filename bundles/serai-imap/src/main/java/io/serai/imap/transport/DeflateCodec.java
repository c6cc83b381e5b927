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
    private final byte[] chunk = new byte[CHUNK];
    /** The array last given to the inflater; its last {@code getRemaining()} octets are not inflated yet. */
    private byte[] pendingInput = new byte[0];

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf in)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            // TLS may hand over several records per socket read: keep what the inflater has not consumed yet
            int left = inflater.getRemaining();
            byte[] input = new byte[left + in.readableBytes()];
            System.arraycopy(pendingInput, pendingInput.length - left, input, 0, left);
            in.readBytes(input, left, input.length - left);
            pendingInput = input;
            inflater.setInput(input);
        } finally {
            in.release();
        }
        if (!inflateOne(ctx)) {
            ctx.read(); // too little to inflate anything yet: the framer will not ask, so ask for more
        }
    }

    /**
     * Back-pressure for the inflated side: the framer asks for the next read after it processed a buffer; while the
     * inflater still holds output, that request is answered with the next inflated chunk instead of a socket read.
     * So at most one chunk per connection is in flight however well the client's data compresses (a small
     * compressed read can otherwise inflate to a thousand times its size).
     */
    @Override
    public void read(ChannelHandlerContext ctx) {
        if (!inflater.needsInput() && !inflater.finished() && inflateOne(ctx)) {
            return;
        }
        ctx.read();
    }

    private boolean inflateOne(ChannelHandlerContext ctx) {
        try {
            int n = inflater.inflate(chunk);
            if (n > 0) {
                ctx.fireChannelRead(ctx.alloc().buffer(n).writeBytes(chunk, 0, n));
                return true;
            }
            if (inflater.finished()) { // the client ended its stream: nothing valid can follow
                ctx.close();
                return true;
            }
            return false;
        } catch (DataFormatException e) {
            ctx.fireExceptionCaught(e);
            return true;
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
