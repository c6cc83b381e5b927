package io.serai.imap.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.serai.imap.protocol.encode.FetchResponseEncoder;
import io.serai.imap.protocol.encode.ResponseEncoder;
import io.serai.imap.protocol.encode.ResponseSink;
import io.serai.imap.protocol.response.FetchResponse;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.LiteralData;
import io.serai.store.api.ContentRegion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes one command's responses to the channel. Protocol text and body literals go into pooled buffers of about
 * {@link #CHUNK} octets, each written and flushed as soon as it is full, so a FETCH of many or large
 * messages is neither gathered into one array nor copied through a String: a stored region is copied from the store
 * straight into the buffer. Runs on the session executor (the file reads block).
 */
final class ResponseWriter implements ResponseSink {

    /** Large enough to batch many small messages per write, small enough to keep memory per session bounded. */
    static final int CHUNK = 256 * 1024;

    /** From this size on, a literal is read through its own file channel (see {@link #region}). */
    static final long LARGE_LITERAL = 64 * 1024;

    private final ResponseEncoder encoder;
    private final FetchResponseEncoder fetchEncoder = new FetchResponseEncoder();
    private ChannelHandlerContext ctx;
    private ByteBuf current;

    /** How long a FETCH may wait for a client that does not read before the connection is dropped. */
    static final long DEFAULT_STALL_MILLIS = 120_000;

    private final long stallMillis;

    ResponseWriter(ResponseEncoder encoder) {
        this(encoder, DEFAULT_STALL_MILLIS);
    }

    ResponseWriter(ResponseEncoder encoder, long stallMillis) {
        this.encoder = encoder;
        this.stallMillis = stallMillis;
    }

    /** Writes and flushes the responses; returns the future of the last write. */
    ChannelFuture write(ChannelHandlerContext context, List<ImapResponse> responses, boolean utf8) {
        this.ctx = context;
        this.current = ctx.alloc().ioBuffer(CHUNK);
        try {
            for (ImapResponse r : responses) {
                if (r instanceof FetchResponse fetch) {
                    fetchEncoder.encode(fetch, utf8, this);
                } else {
                    bytes(encoder.encode(r, utf8));
                }
            }
            return ctx.writeAndFlush(current);
        } catch (RuntimeException e) {
            current.release();
            ctx.flush();
            throw e;
        } finally {
            current = null;
            ctx = null;
        }
    }

    @Override
    public void bytes(byte[] bytes) {
        if (current.writableBytes() < bytes.length && current.isReadable()) {
            next();
        }
        current.writeBytes(bytes);
    }

    /**
     * Copies a stored region into the buffers. Small literals are read through the content's stream (the embedded
     * store serves it from an already open segment channel); large ones through a fresh file channel straight into
     * the direct buffer, which saves a heap copy per octet but costs an open and a close: on 10 KB messages the
     * stream path used about 10 % less server CPU per GB (bench/imap). A store without files (PostgreSQL) would
     * spool the message to a temporary file for a region, so its large literals are streamed too.
     */
    @Override
    public void region(LiteralData.Region region) {
        try {
            if (region.length() < LARGE_LITERAL || !region.content().storedInFile()) {
                fromStream(region);
            } else {
                fromChannel(region);
            }
        } catch (IOException e) {
            // the literal's length is already on the wire: the connection cannot continue
            throw new UncheckedIOException(e);
        }
    }

    private void fromStream(LiteralData.Region region) throws IOException {
        try (InputStream in = region.content().openStream()) {
            in.skipNBytes(region.offset());
            long remaining = region.length();
            while (remaining > 0) {
                if (!current.isWritable()) {
                    next();
                }
                int read = current.writeBytes(in, (int) Math.min(remaining, current.writableBytes()));
                if (read <= 0) {
                    throw new IOException("stored message ends before its literal does");
                }
                remaining -= read;
            }
        }
    }

    private void fromChannel(LiteralData.Region region) throws IOException {
        try (ContentRegion file = region.content().openRegion()) {
            long position = file.position() + region.offset();
            long remaining = region.length();
            while (remaining > 0) {
                if (!current.isWritable()) {
                    next();
                }
                int read = current.writeBytes(file.channel(), position,
                        (int) Math.min(remaining, current.writableBytes()));
                if (read <= 0) {
                    throw new IOException("stored message ends before its literal does");
                }
                position += read;
                remaining -= read;
            }
        }
    }

    /**
     * Sends the full buffer now, so the client reads while the rest is encoded (a whole FETCH 1:* is megabytes).
     * Back-pressure: when the channel is over its high-water mark, the session thread waits until this buffer has
     * gone to the socket, so a slow reader holds a few buffers, not the whole FETCH result. The promise belongs to
     * the channel's event loop, which is not this thread, so waiting on it is allowed; a client that reads nothing
     * for {@code stallMillis} loses the connection.
     */
    private void next() {
        ChannelPromise sent = ctx.channel().newPromise();
        ctx.writeAndFlush(current, sent);
        current = ctx.alloc().ioBuffer(CHUNK);
        if (!ctx.channel().isWritable() && !ctx.channel().eventLoop().inEventLoop()
                && !sent.awaitUninterruptibly(stallMillis)) {
            throw new UncheckedIOException(new IOException("client read nothing for " + stallMillis + " ms"));
        }
    }
}
