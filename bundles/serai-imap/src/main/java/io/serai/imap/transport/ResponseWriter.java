package io.serai.imap.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.serai.imap.protocol.encode.FetchResponseEncoder;
import io.serai.imap.protocol.encode.ResponseEncoder;
import io.serai.imap.protocol.encode.ResponseSink;
import io.serai.imap.protocol.response.FetchResponse;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.LiteralData;
import io.serai.store.api.ContentRegion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes one command's responses to the channel. Protocol text and body literals go into pooled buffers of about
 * {@link #CHUNK} octets, each written as soon as it is full and flushed once at the end, so a FETCH of many or large
 * messages is neither gathered into one array nor copied through a String: a stored region is read from its file
 * channel straight into the buffer. Runs on the session executor (the file reads block).
 */
final class ResponseWriter implements ResponseSink {

    /** Large enough to batch many small messages per write, small enough to keep memory per session bounded. */
    static final int CHUNK = 256 * 1024;

    private final ResponseEncoder encoder;
    private final FetchResponseEncoder fetchEncoder = new FetchResponseEncoder();
    private ChannelHandlerContext ctx;
    private ByteBuf current;

    ResponseWriter(ResponseEncoder encoder) {
        this.encoder = encoder;
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

    @Override
    public void region(LiteralData.Region region) {
        try (ContentRegion file = region.content().openRegion()) {
            long position = file.position() + region.offset();
            long remaining = region.length();
            while (remaining > 0) {
                if (!current.isWritable()) {
                    next();
                }
                int n = (int) Math.min(remaining, Math.max(current.writableBytes(), 1));
                current.ensureWritable(n);
                int read = current.writeBytes(file.channel(), position, n);
                if (read <= 0) {
                    throw new IOException("stored message ends before its literal does");
                }
                position += read;
                remaining -= read;
            }
        } catch (IOException e) {
            // the literal's length is already on the wire: the connection cannot continue
            throw new UncheckedIOException(e);
        }
    }

    private void next() {
        ctx.write(current);
        current = ctx.alloc().ioBuffer(CHUNK);
    }
}
