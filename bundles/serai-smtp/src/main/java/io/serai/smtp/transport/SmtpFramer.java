package io.serai.smtp.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.ByteProcessor;
import io.serai.smtp.protocol.InputMode;

/**
 * Splits the byte stream into CRLF-terminated lines (never on a bare LF, RFC 5321 §2.3.8) bounded in length, or
 * into counted BDAT chunk parts (RFC 3030), as the session asks. It holds back input while the session is busy
 * (waiting for the application) and drops buffered plaintext when STARTTLS begins (RFC 3207 §4.2; the
 * command-injection guard of James' AllButStartTlsLineBasedChannelHandler).
 *
 * <p>Runs on the channel's event loop, like {@link SmtpSessionHandler}, so the two call each other directly.
 */
final class SmtpFramer extends ChannelInboundHandlerAdapter {

    /**
     * Input held while the session is busy (delivering, or on its blocking executor) beyond which reading stops
     * until it is done: room for a pipelined next transaction without pausing reads for every message.
     */
    static final int HELD_INPUT_LIMIT = 64 * 1024;

    private final InputModeSource modes;
    private ChannelHandlerContext ctx;
    private ByteBuf buffer;
    private boolean skippingOverlong;
    private boolean discardAll;

    SmtpFramer(InputModeSource modes) {
        this.modes = modes;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        if (discardAll) {
            in.release();
            return;
        }
        buffer = buffer == null ? in : ByteToMessageDecoder.MERGE_CUMULATOR.cumulate(context.alloc(), buffer, in);
        drain();
        if (buffer != null && buffer.readableBytes() > HELD_INPUT_LIMIT
                && modes.inputMode().kind() == InputMode.Kind.NONE) {
            context.channel().config().setAutoRead(false); // back-pressure; the session handler resumes reading
        }
    }

    /** Frames and passes on buffered input for as long as the session wants input. */
    void drain() {
        while (buffer != null && buffer.isReadable() && !discardAll && !ctx.isRemoved()) {
            InputMode mode = modes.inputMode();
            Frame frame = switch (mode.kind()) {
                case LINE -> nextLine((int) mode.limit());
                case CHUNK -> nextChunkPart(mode.limit());
                case NONE -> null;
            };
            if (frame == null) {
                break;
            }
            ctx.fireChannelRead(frame);
        }
        if (buffer != null) {
            if (buffer.isReadable()) {
                buffer.discardSomeReadBytes();
            } else {
                buffer.release();
                buffer = null;
            }
        }
    }

    /** STARTTLS accepted: whatever the client sent after it in plaintext is dropped, and so is all input until
     * {@link #resume()} (called when the TLS handshake has completed). */
    void discardUntilResumed() {
        discardAll = true;
        if (buffer != null) {
            buffer.release();
            buffer = null;
        }
    }

    /** Input may flow again: frame what is buffered. */
    void resume() {
        discardAll = false;
        drain();
    }

    private Frame nextLine(int limit) {
        int start = buffer.readerIndex();
        int end = buffer.writerIndex();
        for (int from = start; from < end; ) {
            // Netty's LF search reads eight bytes at a time; a bare LF is part of the line and the search goes on
            int lf = buffer.forEachByte(from, end - from, ByteProcessor.FIND_LF);
            if (lf < 0) {
                break;
            }
            if (lf == start || buffer.getByte(lf - 1) != '\r') {
                from = lf + 1;
                continue;
            }
            // the limit counts the CRLF; a longer line is skipped up to and including its CRLF
            boolean overlong = skippingOverlong || lf - start >= limit;
            skippingOverlong = false;
            buffer.readerIndex(lf + 1);
            if (overlong) {
                return new Frame.Overlong();
            }
            byte[] line = new byte[lf - 1 - start];
            buffer.getBytes(start, line);
            return new Frame.Line(line);
        }
        if (skippingOverlong || end - start >= limit) {
            // no CRLF within the limit: skip to the end of the line, keeping a trailing CR (its LF may come next)
            skippingOverlong = true;
            boolean trailingCr = end > start && buffer.getByte(end - 1) == '\r';
            buffer.readerIndex(trailingCr ? end - 1 : end);
        }
        return null;
    }

    private Frame nextChunkPart(long remaining) {
        int length = (int) Math.min(buffer.readableBytes(), remaining);
        byte[] part = new byte[length];
        buffer.readBytes(part);
        return new Frame.ChunkPart(part);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext context) {
        if (buffer != null) {
            buffer.release();
            buffer = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        handlerRemoved(context);
        context.fireChannelInactive();
    }
}
