package io.serai.imap.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.serai.imap.protocol.decode.CommandFrame;
import io.serai.imap.protocol.decode.CommandFramer;
import io.serai.imap.protocol.decode.DecodeException;
import io.serai.imap.protocol.decode.FrameSink;
import io.serai.imap.protocol.decode.FramerLimits;
import io.serai.imap.protocol.literal.LiteralSpool;
import java.util.concurrent.TimeUnit;

/**
 * Feeds inbound bytes to a {@link CommandFramer} and fires what it finds down the pipeline: {@code byte[]} commands,
 * {@link #CONTINUE} when a synchronizing literal was accepted, and {@link DecodeException}s. Releases every buffer.
 * Once the client has authenticated, large literals go to spool files as they arrive (an APPEND of a large message
 * is streamed to disk): this handler runs on the connection's session executor, so those file writes never block
 * the I/O loop, and the read-after-framing below keeps the socket paused while the disk is slower than the client.
 * A connection that goes away mid-literal, or the old framer at STARTTLS, deletes its spool files.
 * After STARTTLS it drops all input until {@link #resume()}, so plaintext pipelined behind the command never
 * reaches the session (RFC 9051 §11.1, the STARTTLS command-injection guard).
 *
 * <p>Back-pressure: the channel runs with autoRead off and this handler asks for the next read only after it has
 * framed (and the session has processed) the previous buffer, so a client that floods commands cannot make the
 * server queue its input; it waits in the socket buffer. Reading also pauses while the channel is not writable,
 * so a client that sends but never reads cannot pile up responses either, while the session holds a delayed
 * reply ({@link #hold()}), and while the connection's {@link CommandPacer} is in debt (commands per second).
 */
final class ImapFramerHandler extends ChannelInboundHandlerAdapter {

    /** Fired when the client waits for {@code +} before sending literal data (RFC 9051 §7.5). */
    static final Object CONTINUE = new Object();

    private final FramerLimits authenticatedLimits;
    private final LiteralSpool authenticatedSpool;
    private LiteralSpool spool = LiteralSpool.inMemory(); // nothing goes to disk for an anonymous client
    private FramerLimits limits;
    private CommandFramer framer;
    private boolean discarding;
    private boolean readDeferred;
    private final CommandPacer pacer;
    private boolean held;
    private boolean readScheduled;
    private ChannelHandlerContext context;
    /**
     * Reused for the reads of one literal (the framer copies what it keeps), so a large APPEND makes no garbage per
     * buffer; dropped once the literal is read, so an idle connection holds none.
     */
    private byte[] scratch;

    /**
     * @param preAuth       bounds until the client has authenticated
     * @param authenticated bounds afterwards (APPEND needs large literals)
     */
    ImapFramerHandler(FramerLimits preAuth, FramerLimits authenticated) {
        this(preAuth, authenticated, null, LiteralSpool.inMemory());
    }

    /**
     * @param pacer the commands-per-second bucket, or {@code null} for no rate limit
     * @param spool where large literals go once the client has authenticated
     */
    ImapFramerHandler(FramerLimits preAuth, FramerLimits authenticated, CommandPacer pacer, LiteralSpool spool) {
        this.pacer = pacer;
        this.authenticatedSpool = spool;
        this.authenticatedLimits = authenticated;
        this.limits = preAuth;
        this.framer = new CommandFramer(limits, this.spool);
    }

    /** The client authenticated: switch to the larger bounds. */
    void authenticated() {
        if (limits != authenticatedLimits) {
            limits = authenticatedLimits;
            spool = authenticatedSpool;
            framer.limits(limits);
            framer.spool(spool);
        }
    }

    /** Reads nothing more until {@link #release}: the session holds back a reply (failed-login delay). */
    void hold() {
        held = true;
    }

    /** The held reply is out: reading may go on. */
    void release() {
        held = false;
        if (context != null) {
            readNext(context);
        }
    }

    /** Drops everything from now on, including the rest of the buffer being framed. */
    void discardUntilResumed() {
        discarding = true;
    }

    /** TLS is up: start again with an empty framer. */
    void resume() {
        framer.close();
        framer = new CommandFramer(limits, spool);
        discarding = false;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.fireChannelActive();
        ctx.read();
    }

    /** The client went away, maybe mid-literal: the partial command's spool files are deleted. */
    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        framer.close();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        framer.close();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf buf)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (discarding) {
                return;
            }
            int length = buf.readableBytes();
            byte[] bytes = inputArray(length);
            buf.readBytes(bytes, 0, length);
            framer.feed(bytes, 0, length, new FrameSink() {
                @Override
                public void continuationNeeded() {
                    if (!discarding) {
                        ctx.fireChannelRead(CONTINUE);
                    }
                }

                @Override
                public void command(CommandFrame frame) {
                    if (pacer != null) {
                        pacer.take();
                    }
                    if (discarding) {
                        frame.release();
                    } else {
                        ctx.fireChannelRead(frame);
                    }
                }

                @Override
                public void error(DecodeException error) {
                    if (!discarding) {
                        ctx.fireChannelRead(error);
                    }
                }
            });
        } finally {
            if (!framer.readingLiteral()) {
                scratch = null;
            }
            buf.release();
            readNext(ctx); // the session has handled everything framed from this buffer
        }
    }

    private byte[] inputArray(int length) {
        if (!framer.readingLiteral()) {
            return new byte[length];
        }
        if (scratch == null || scratch.length < length) {
            scratch = new byte[length];
        }
        return scratch;
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (readDeferred && ctx.channel().isWritable()) {
            readNext(ctx);
        }
        ctx.fireChannelWritabilityChanged();
    }

    private void readNext(ChannelHandlerContext ctx) {
        if (!ctx.channel().isActive() || held || readScheduled) {
            return;
        }
        readDeferred = !ctx.channel().isWritable();
        if (readDeferred) {
            return;
        }
        long wait = pacer == null ? 0 : pacer.nanosUntilReady();
        if (wait > 0) {
            // too many commands per second: the next read waits until the bucket has a token again
            readScheduled = true;
            ctx.executor().schedule(() -> {
                readScheduled = false;
                readNext(ctx);
            }, wait, TimeUnit.NANOSECONDS);
            return;
        }
        ctx.read();
    }
}
