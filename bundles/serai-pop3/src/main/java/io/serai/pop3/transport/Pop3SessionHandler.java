package io.serai.pop3.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.serai.pop3.protocol.Pop3Session;
import io.serai.pop3.protocol.Response;
import io.serai.pop3.protocol.Transfer;
import java.time.Duration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects one {@link Pop3Session} to its channel: feeds it lines, writes each reply with one write and flush,
 * streams RETR/TOP, and carries out STLS and close. Runs on an executor of the session group, never on the I/O
 * loop, because the session makes blocking store and credential calls. While a transfer is pending the framer holds
 * the next commands (and pauses reading only if too many pile up); while a delayed reply is pending nothing is read.
 */
final class Pop3SessionHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(Pop3SessionHandler.class);

    /** Fired through the pipeline by {@link NettyPop3Server#stop()}. */
    static final Object SHUTDOWN = new Object();

    private final Function<Channel, Pop3Session> sessions;
    private final Duration authFailureDelay;
    private final TlsStarter tls;
    private Pop3Framer framer;
    private Pop3Session session;
    private ChannelHandlerContext ctx;
    private boolean busy;
    /** Reading was paused here (delayed reply, closing), not by the framer. */
    private boolean readingHeld;
    /** A closing reply was sent: no further line may reach the session (e.g. a password guess behind it). */
    private boolean closing;

    Pop3SessionHandler(Function<Channel, Pop3Session> sessions, Duration authFailureDelay, TlsStarter tls) {
        this.sessions = sessions;
        this.authFailureDelay = authFailureDelay;
        this.tls = tls;
    }

    void framer(Pop3Framer value) {
        framer = value;
    }

    /** Whether the framer may pass the next line. */
    boolean ready() {
        return !busy && !closing && session != null && ctx.channel().isWritable();
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        ctx = context;
        session = sessions.apply(context.channel());
        perform(session.greeting());
        context.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object frame) {
        perform(frame == Pop3Framer.OVERLONG ? session.onLineTooLong() : session.onLine((byte[]) frame));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) {
        if (event instanceof SslHandshakeCompletionEvent handshake) {
            if (!handshake.isSuccess()) {
                LOG.debug("TLS handshake with {} failed", context.channel().remoteAddress(), handshake.cause());
                context.close();
            } else if (busy) { // STLS done; an implicit-TLS handshake needs nothing
                session.tlsStarted();
                busy = false;
                framer.resume();
                resumeInput();
            }
        } else if (event instanceof IdleStateEvent && session != null) {
            LOG.debug("POP3 session with {} timed out", context.channel().remoteAddress());
            perform(session.timeout());
        } else if (event == SHUTDOWN && session != null) {
            perform(session.shutdown());
        }
        context.fireUserEventTriggered(event);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        if (context.channel().isWritable()) {
            framer.drain(); // a client that pipelined without reading has caught up
        }
        context.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        if (session != null) {
            session.closed(); // no UPDATE: a dropped connection deletes nothing (RFC 1939 §6)
        }
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        LOG.debug("Closing POP3 session with {}", context.channel().remoteAddress(), cause);
        context.close();
    }

    private void perform(Response response) {
        if (response.throttled()) {
            hold();
            ctx.executor().schedule(() -> {
                busy = false;
                perform(response.undelayed());
                resumeInput();
            }, authFailureDelay.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
            return;
        }
        switch (response.action()) {
            case CONTINUE -> ctx.writeAndFlush(Unpooled.wrappedBuffer(response.output()));
            case CLOSE -> {
                closing = true;
                ctx.channel().config().setAutoRead(false);
                ctx.writeAndFlush(Unpooled.wrappedBuffer(response.output())).addListener(ChannelFutureListener.CLOSE);
            }
            case START_TLS -> {
                // keep reading: the TLS handler needs the ClientHello; the framer drops any plaintext meanwhile
                busy = true;
                framer.discardUntilResumed();
                tls.start(ctx.channel(), response.output());
            }
            case TRANSFER -> transfer(response.transfer());
        }
    }

    private void transfer(Transfer transfer) {
        busy = true; // the framer holds whatever arrives meanwhile
        ctx.writeAndFlush(new TransferInput(transfer)).addListener(f -> ctx.executor().execute(() -> {
            if (!f.isSuccess()) {
                // a store read failed half-way or the client went away: a cut reply cannot be repaired
                LOG.debug("RETR/TOP to {} failed", ctx.channel().remoteAddress(), f.cause());
                ctx.close();
                return;
            }
            transfer.completed();
            busy = false;
            resumeInput();
        }));
    }

    private void hold() {
        busy = true;
        readingHeld = true;
        ctx.channel().config().setAutoRead(false);
    }

    private void resumeInput() {
        if (ctx.channel().isActive() && !busy && !closing) {
            if (readingHeld) {
                readingHeld = false;
                ctx.channel().config().setAutoRead(true);
            }
            framer.drain();
        }
    }
}
