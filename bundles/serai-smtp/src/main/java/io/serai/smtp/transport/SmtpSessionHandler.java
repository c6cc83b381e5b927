package io.serai.smtp.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.serai.smtp.api.SmtpReply;
import io.serai.smtp.api.SmtpServerConfig;
import io.serai.smtp.protocol.InputMode;
import io.serai.smtp.protocol.Response;
import io.serai.smtp.protocol.SmtpSession;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects one {@link SmtpSession} to its channel: feeds it frames, writes its replies, and carries out its
 * actions (STARTTLS, delivery, close). Runs on an executor of the session group, never on the I/O event loop, so
 * the blocking recipient and credential look-ups the session makes do not stall other connections.
 *
 * <p>Replies to pipelined commands (RFC 2920) are written as they come and flushed once per read batch; every
 * asynchronous reply (end of data, delayed AUTH failure, timeout) is one write and flush.
 */
final class SmtpSessionHandler extends ChannelInboundHandlerAdapter implements InputModeSource {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpSessionHandler.class);

    private final SmtpServerConfig config;
    private final Function<Channel, SmtpSession> sessions;
    private final Executor handlerExecutor;
    private final TlsFactory tls;
    private SmtpFramer framer;
    private SmtpSession session;
    private ChannelHandlerContext ctx;
    /** Waiting for the application, a delayed reply or the TLS handshake: no input is framed. */
    private boolean busy;
    private InputTimeout timeout;

    SmtpSessionHandler(SmtpServerConfig config, Function<Channel, SmtpSession> sessions, Executor handlerExecutor,
                       TlsFactory tls) {
        this.config = config;
        this.sessions = sessions;
        this.handlerExecutor = handlerExecutor;
        this.tls = tls;
    }

    void framer(SmtpFramer value) {
        this.framer = value;
    }

    @Override
    public InputMode inputMode() {
        // a client that pipelines without reading our replies is not read further until it catches up
        boolean outputBacklog = ctx != null && !ctx.channel().isWritable();
        return busy || outputBacklog || session == null ? InputMode.none() : session.inputMode();
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        ctx = context;
        session = sessions.apply(context.channel());
        timeout = new InputTimeout(config.limits(), context.executor(), () -> session.inputMode().data(),
                () -> busy, () -> {
                    LOG.debug("SMTP session with {} timed out", context.channel().remoteAddress());
                    perform(session.timeout(), true);
                });
        perform(session.greeting(), true);
        timeout.touch();
        context.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        timeout.touch();
        Response response;
        if (msg instanceof Frame.Line line) {
            response = session.onLine(line.bytes());
        } else if (msg instanceof Frame.ChunkPart part) {
            response = session.onChunk(part.bytes(), 0, part.bytes().length);
        } else {
            response = session.onLineTooLong();
        }
        perform(response, false);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        context.flush(); // one flush per batch of pipelined commands (RFC 2920 §3.2)
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) {
        if (event instanceof SslHandshakeCompletionEvent handshake) {
            if (!handshake.isSuccess()) {
                LOG.debug("TLS handshake with {} failed", context.channel().remoteAddress(), handshake.cause());
                context.close();
            } else if (busy) { // STARTTLS completed; an implicit-TLS handshake needs nothing
                busy = false;
                perform(session.tlsStarted(), true);
                timeout.touch();
                framer.resume();
                ctx.flush();
            }
        } else if (event == ShutdownEvent.INSTANCE && session != null) {
            perform(session.shutdown(), true);
        }
        context.fireUserEventTriggered(event);
    }

    /** Output back-pressure: stop reading while replies pile up unsent, resume once they have drained. */
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        if (!context.channel().isWritable()) {
            context.channel().config().setAutoRead(false);
            context.flush();
        } else if (!busy) {
            resumeInput();
        }
        context.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        if (timeout != null) {
            timeout.stop();
        }
        if (session != null) {
            session.closed();
        }
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        // I/O errors (connection reset) and TLS failures end the session; there is no one to reply to
        LOG.debug("Closing SMTP session with {}", context.channel().remoteAddress(), cause);
        context.close();
    }

    private void perform(Response response, boolean flush) {
        if (response.throttled()) {
            delayed(response);
            return;
        }
        if (response.output().length > 0) {
            ctx.write(Unpooled.wrappedBuffer(response.output()));
        }
        switch (response.action()) {
            case CONTINUE -> {
                if (flush) {
                    ctx.flush();
                }
            }
            case CLOSE -> ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            case START_TLS -> startTls();
            case DELIVER -> deliver(response.delivery());
        }
    }

    /** A failed AUTH: reply only after a delay, reading nothing meanwhile, to slow down guessing. */
    private void delayed(Response response) {
        busy = true;
        ctx.channel().config().setAutoRead(false);
        ctx.flush();
        long delay = config.limits().authFailureDelay().toNanos();
        ctx.executor().schedule(() -> {
            busy = false;
            perform(new Response(response.output(), response.action(), response.delivery(), false), true);
            resumeInput();
        }, delay, TimeUnit.NANOSECONDS);
    }

    private void startTls() {
        busy = true;
        framer.discardUntilResumed();
        Channel channel = ctx.channel();
        SslHandler sslHandler = tls.newHandler();
        // On the event loop, after the 220 written above: flush it in plaintext, then put TLS in place. The client
        // cannot start the handshake before it has read the 220, so no TLS byte can reach the plaintext framer.
        channel.eventLoop().execute(() -> {
            channel.flush();
            channel.pipeline().addAfter(SmtpChannelInitializer.LIMITS, SmtpChannelInitializer.TLS, sslHandler);
        });
    }

    private void deliver(Response.Delivery delivery) {
        busy = true;
        ctx.channel().config().setAutoRead(false); // back-pressure: read nothing until the application replied
        ctx.flush();
        try {
            handlerExecutor.execute(() -> {
                try {
                    CompletionStage<SmtpReply> stage = config.messageHandler().deliver(delivery.envelope(), delivery.content());
                    stage.whenComplete((reply, failure) -> completeOnSession(delivery, reply, failure));
                } catch (RuntimeException | Error e) {
                    completeOnSession(delivery, null, e);
                }
            });
        } catch (RejectedExecutionException full) {
            // the application's executor takes no more work: the client keeps the message and retries (451)
            delivered(null, full);
        }
    }

    /** Back on the session executor with the outcome; if the server has stopped meanwhile, free the spool. */
    private void completeOnSession(Response.Delivery delivery, SmtpReply reply, Throwable failure) {
        try {
            ctx.executor().execute(() -> delivered(reply, failure));
        } catch (RejectedExecutionException stopped) {
            delivery.content().release();
        }
    }

    private void delivered(SmtpReply reply, Throwable failure) {
        if (failure != null && !(unwrap(failure) instanceof io.serai.smtp.api.RejectException)) {
            // the client only sees 451 4.3.0: the cause must reach the operator
            LOG.warn("Message handler failed for {}; replied 451", ctx.channel().remoteAddress(), failure);
        }
        busy = false;
        perform(session.deliveryCompleted(reply, failure), true);
        resumeInput();
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
    }

    private void resumeInput() {
        timeout.touch(); // a long delivery is not the client's idle time
        if (ctx.channel().isActive() && !busy && ctx.channel().isWritable()) {
            ctx.channel().config().setAutoRead(true);
            framer.drain(); // commands pipelined behind the end of data were held back; answer them now
            ctx.flush();
        }
    }
}
