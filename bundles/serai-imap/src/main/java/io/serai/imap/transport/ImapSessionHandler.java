package io.serai.imap.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.serai.imap.protocol.decode.CommandFrame;
import io.serai.imap.protocol.decode.DecodeException;
import io.serai.imap.protocol.encode.ResponseEncoder;
import io.serai.imap.protocol.process.ImapSession;
import io.serai.imap.protocol.process.SessionState;
import io.serai.imap.protocol.response.ContinuationResponse;
import io.serai.imap.protocol.response.ImapResponse;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects one {@link ImapSession} to its channel: greeting, one write and flush per command's responses, the
 * literal continuation, and close after LOGOUT or a fatal error. Runs on the session executor, never on the I/O
 * loop, because the session blocks on the store. A failed login's reply is held back for the {@link LoginGuard}'s
 * delay; input framed meanwhile waits in order and no more is read.
 */
final class ImapSessionHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ImapSessionHandler.class);

    private final Supplier<ImapSession> sessions;
    private final ImapFramerHandler framer;
    private final TlsStarter tls;
    private final ResponseEncoder encoder = new ResponseEncoder();
    private final LoginGuard guard;
    private final DeflateStarter deflate = new DeflateStarter();
    private final ResponseWriter writer = new ResponseWriter(encoder);
    private ImapSession session;
    private IdlePush idle;
    private boolean awaitingHandshake;
    /** A failed login's reply is being held back: frames wait in {@link #pending}. */
    private boolean holding;
    /** The per-account session limit refused the login: the connection is closing. */
    private boolean refused;
    private final ArrayDeque<Object> pending = new ArrayDeque<>();

    /** @param tls the STARTTLS starter, or {@code null} when the session never offers STARTTLS */
    ImapSessionHandler(Supplier<ImapSession> sessions, ImapFramerHandler framer, TlsStarter tls) {
        this(sessions, framer, tls, LoginGuard.NONE);
    }

    ImapSessionHandler(Supplier<ImapSession> sessions, ImapFramerHandler framer, TlsStarter tls, LoginGuard guard) {
        this.guard = guard;
        this.sessions = sessions;
        this.framer = framer;
        this.tls = tls;
    }

    /** Whether the session ends itself on a timeout (in IDLE) or has ended; on the session executor. */
    boolean idlingOrClosed() {
        return session != null && (session.idling() || session.closed());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        session = sessions.get();
        idle = new IdlePush(ctx, session, responses -> write(ctx, responses));
        session.onUpdates(idle::wake);
        session.offerCompression();
        write(ctx, List.of(session.greeting()));
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (holding) {
            pending.add(msg);
        } else {
            handle(ctx, msg);
        }
    }

    private void handle(ChannelHandlerContext ctx, Object msg) {
        if (session.closed() || refused) {
            release(msg);
            return; // input after LOGOUT is dropped
        }
        if (msg == ImapFramerHandler.CONTINUE) {
            write(ctx, List.of(ContinuationResponse.READY));
        } else if (msg instanceof DecodeException error) {
            write(ctx, session.decodeError(error));
        } else if (msg instanceof CommandFrame frame) {
            boolean wasAuthenticated = authenticated();
            List<ImapResponse> responses = session.receive(frame);
            if (!wasAuthenticated && authenticated()) {
                framer.authenticated();
                List<ImapResponse> refusal = guard.admit(responses);
                if (refusal != null) {
                    refused = true;
                    ctx.writeAndFlush(encode(refusal)).addListener(ChannelFutureListener.CLOSE);
                    return;
                }
            }
            long delay = guard.failureDelayNanos(responses);
            if (delay > 0) {
                holdBack(ctx, responses, delay);
                return;
            }
            if (session.takeStartTls() && tls != null) {
                framer.discardUntilResumed();
                awaitingHandshake = true;
                tls.start(ctx.channel(), encode(responses));
            } else if (session.takeCompression()) {
                deflate.start(ctx.channel(), encode(responses));
            } else {
                write(ctx, responses);
            }
            idle.commandDone();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        guard.closed();
        pending.forEach(ImapSessionHandler::release);
        pending.clear();
        if (session != null) {
            idle.cancel();
            session.close(); // unregisters the store listener of the selected mailbox
        }
        ctx.fireChannelInactive();
    }

    /** Deletes the spool files of a command that will not run. */
    private static void release(Object msg) {
        if (msg instanceof CommandFrame frame) {
            frame.release();
        }
    }

    private boolean authenticated() {
        return session.state() == SessionState.AUTHENTICATED || session.state() == SessionState.SELECTED;
    }

    /** Writes a failed login's reply after {@code nanos}, reading and processing nothing meanwhile. */
    private void holdBack(ChannelHandlerContext ctx, List<ImapResponse> responses, long nanos) {
        holding = true;
        framer.hold();
        ctx.executor().schedule(() -> {
            holding = false;
            if (!ctx.channel().isActive()) {
                return;
            }
            write(ctx, responses);
            while (!holding && !pending.isEmpty()) {
                handle(ctx, pending.poll());
            }
            if (!holding) {
                framer.release();
            }
        }, nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent handshake) {
            if (!handshake.isSuccess()) {
                LOG.debug("TLS handshake with {} failed", ctx.channel().remoteAddress(), handshake.cause());
                ctx.close();
            } else if (awaitingHandshake) { // STARTTLS done; implicit TLS needs nothing
                awaitingHandshake = false;
                session.tlsStarted();
                framer.resume();
            }
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("Closing IMAP session with {}", ctx.channel().remoteAddress(), cause);
        ctx.close();
    }

    private void write(ChannelHandlerContext ctx, List<ImapResponse> responses) {
        if (!responses.isEmpty()) {
            if (session.closed()) {
                ctx.channel().config().setAutoRead(false);
                writer.write(ctx, responses, session.utf8()).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            writer.write(ctx, responses, session.utf8());
        } else if (session.closed()) {
            ctx.close();
        }
    }

    private ByteBuf encode(List<ImapResponse> responses) {
        ByteBuf out = Unpooled.buffer();
        for (ImapResponse r : responses) {
            out.writeBytes(encoder.encode(r, session.utf8()));
        }
        return out;
    }
}
