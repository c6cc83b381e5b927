package io.serai.pop3.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.function.BooleanSupplier;

/**
 * Cuts input into command lines of at most {@code maxLength} octets including the line end. Lines end with CRLF
 * (RFC 1939 §3); a bare LF is accepted too, since POP3 has no message data in the client's direction to smuggle.
 * A longer line is skipped as it streams in and reported as {@link #OVERLONG}. Frames only while the session
 * wants input ({@code ready}), and after STLS drops everything until {@link #resume()} (RFC 2595 §4, the
 * plaintext command-injection guard). Runs on the session's executor.
 *
 * <p>Input that arrives while the session is busy (a RETR being sent, the next command already on its way) is held
 * here rather than left in the socket, so a client that waits for each reply costs no change of read interest per
 * command. Only a client that pipelines more than {@link #heldInputLimit} without reading the replies gets
 * reading paused, until what is held has been worked off.
 */
final class Pop3Framer extends ChannelInboundHandlerAdapter {

    /** Stands for a skipped over-long line. */
    static final Object OVERLONG = new Object();
    /** The held input that pauses reading, unless two longest lines are more. */
    static final int HELD_INPUT_LIMIT = 16 * 1024;

    private final int maxLength;
    /** Held input above which reading pauses: room for one longest line and plenty of pipelined commands. */
    private final int heldInputLimit;
    private final BooleanSupplier ready;
    /** Reading paused here because too much input is held. */
    private boolean paused;
    private ChannelHandlerContext ctx;
    private ByteBuf pending;
    private boolean skipping;
    private boolean discarding;

    Pop3Framer(int maxLength, BooleanSupplier ready) {
        this.maxLength = maxLength;
        this.heldInputLimit = Math.max(HELD_INPUT_LIMIT, 2 * maxLength);
        this.ready = ready;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        ctx = context;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        if (discarding) {
            in.release();
            return;
        }
        pending = pending == null ? in : ByteToMessageDecoder.MERGE_CUMULATOR.cumulate(context.alloc(), pending, in);
        drain();
        if (!paused && pending != null && pending.readableBytes() > heldInputLimit) {
            paused = true; // pipelining without reading our replies: leave the rest in the socket
            context.channel().config().setAutoRead(false);
        }
    }

    /** Passes on complete lines for as long as the session is ready for them. */
    void drain() {
        while (pending != null && !discarding && ready.getAsBoolean() && !ctx.isRemoved()) {
            Object frame = nextFrame();
            if (frame == null) {
                break;
            }
            ctx.fireChannelRead(frame);
        }
        if (pending != null && !pending.isReadable()) {
            pending.release();
            pending = null;
        } else if (pending != null) {
            pending.discardSomeReadBytes();
        }
        // not while the session holds reading itself (a delayed reply, closing): it resumes, then drains here
        if (paused && (pending == null || pending.readableBytes() <= heldInputLimit / 2) && ready.getAsBoolean()) {
            paused = false;
            ctx.channel().config().setAutoRead(true);
        }
    }

    void discardUntilResumed() {
        discarding = true;
        release();
    }

    void resume() {
        discarding = false;
        drain();
    }

    private Object nextFrame() {
        int start = pending.readerIndex();
        int lf = pending.indexOf(start, pending.writerIndex(), (byte) '\n');
        if (lf < 0) {
            if (pending.readableBytes() >= maxLength) {
                skipping = true; // no line end within the limit: drop what we have, keep dropping to the LF
                pending.skipBytes(pending.readableBytes());
            }
            return null;
        }
        pending.readerIndex(lf + 1);
        if (skipping || lf + 1 - start > maxLength) {
            skipping = false;
            return OVERLONG;
        }
        int end = lf > start && pending.getByte(lf - 1) == '\r' ? lf - 1 : lf;
        byte[] line = new byte[end - start];
        pending.getBytes(start, line);
        return line;
    }

    private void release() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext context) {
        release();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        release();
        context.fireChannelInactive();
    }
}
