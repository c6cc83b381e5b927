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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects one {@link SmtpSession} to its channel: feeds it frames, writes its replies, and carries out its
 * actions (STARTTLS, delivery, close).
 *
 * <p>Runs on the channel's I/O event loop, where the session answers what it can answer from memory (EHLO, MAIL,
 * DATA, message lines held in memory ...) with no hand-off between threads. Input the session says may block
 * ({@link SmtpSession#lineMayBlock}: SASL steps, RCPT with a blocking validator, message data spooled to disk) is
 * handed to this connection's executor of the session group, one task at a time, while no further input is framed;
 * message lines for the disk spool are handed over per read batch rather than per line. The application's
 * delivery runs on the handler executor.
 *
 * <p>Replies to pipelined commands (RFC 2920) are written as they come and flushed once per read batch; every
 * asynchronous reply (end of data, delayed AUTH failure, timeout) is one write and flush.
 */
final class SmtpSessionHandler extends ChannelInboundHandlerAdapter implements InputModeSource {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpSessionHandler.class);

    private final SmtpServerConfig config;
    private final Function<Channel, SmtpSession> sessions;
    private final Executor handlerExecutor;
    private final Executor blockingExecutor;
    private final TlsFactory tls;
    /** Message lines for the disk spool, framed in this read batch, not yet handed to the blocking executor. */
    private final List<Frame> spoolBatch = new ArrayList<>();
    /** The session is in use on the blocking executor: nothing else may touch it until the task returns. */
    private boolean offloaded;
    private boolean shutdownWhileOffloaded;
    private boolean closedWhileOffloaded;
    private SmtpFramer framer;
    private SmtpSession session;
    private ChannelHandlerContext ctx;
    /** Waiting for the application, a delayed reply or the TLS handshake: no input is framed. */
    private boolean busy;
    private InputTimeout timeout;

    /**
     * @param blockingExecutor runs this connection's blocking session calls in order (one executor of the session
     *                         group, shared with other connections)
     */
    SmtpSessionHandler(SmtpServerConfig config, Function<Channel, SmtpSession> sessions, Executor handlerExecutor,
                       Executor blockingExecutor, TlsFactory tls) {
        this.config = config;
        this.sessions = sessions;
        this.handlerExecutor = handlerExecutor;
        this.blockingExecutor = blockingExecutor;
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
        Frame frame = (Frame) msg;
        if (!spoolBatch.isEmpty()) {
            batch(frame); // behind lines not yet handed over: keep the order
        } else if (frame instanceof Frame.Line line && session.lineMayBlock(line.bytes())) {
            if (session.inputMode().data()) {
                batch(frame);
            } else {
                offload(List.of(frame));
            }
        } else if (frame instanceof Frame.ChunkPart part && session.chunkMayBlock(part.bytes().length)) {
            offload(List.of(frame)); // the chunk size bounds the framing, so each part goes on its own
        } else if (frame instanceof Frame.Overlong && session.lineTooLongMayBlock()) {
            batch(frame);
        } else {
            perform(feed(frame), false);
        }
    }

    /** Holds a message line for the disk spool; the end of the data hands the batch over at once. */
    private void batch(Frame frame) {
        spoolBatch.add(frame);
        if (frame instanceof Frame.Line line && line.bytes().length == 1 && line.bytes()[0] == '.') {
            handOverBatch(); // RFC 5321 §4.1.1.4: what follows is a new command, framed only after the reply
        }
    }

    private void handOverBatch() {
        if (!spoolBatch.isEmpty()) {
            List<Frame> frames = List.copyOf(spoolBatch);
            spoolBatch.clear();
            offload(frames);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        handOverBatch();
        context.flush(); // one flush per batch of pipelined commands (RFC 2920 §3.2)
    }

    private Response feed(Frame frame) {
        if (frame instanceof Frame.Line line) {
            return session.onLine(line.bytes());
        } else if (frame instanceof Frame.ChunkPart part) {
            return session.onChunk(part.bytes(), 0, part.bytes().length);
        }
        return session.onLineTooLong();
    }

    /**
     * Feeds {@code frames} to the session on the blocking executor, framing no input meanwhile, then carries out
     * the responses back on the event loop.
     */
    private void offload(List<Frame> frames) {
        busy = true;
        offloaded = true;
        try {
            blockingExecutor.execute(() -> {
                List<Response> responses = new ArrayList<>(frames.size());
                RuntimeException failure = null;
                try {
                    for (Frame frame : frames) {
                        responses.add(feed(frame));
                    }
                } catch (RuntimeException e) {
                    failure = e;
                }
                RuntimeException thrown = failure;
                ctx.executor().execute(() -> offloadDone(responses, thrown));
            });
        } catch (RejectedExecutionException stopping) {
            offloaded = false;
            ctx.close(); // the server is stopping
        }
    }

    private void offloadDone(List<Response> responses, RuntimeException failure) {
        offloaded = false;
        busy = false;
        if (closedWhileOffloaded) {
            session.closed();
            return;
        }
        if (failure != null) {
            exceptionCaught(ctx, failure);
            return;
        }
        for (Response response : responses) {
            perform(response, false);
        }
        if (shutdownWhileOffloaded) {
            shutdownWhileOffloaded = false;
            perform(session.shutdown(), false);
        }
        ctx.flush();
        resumeInput();
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
            if (offloaded) {
                shutdownWhileOffloaded = true;
            } else {
                perform(session.shutdown(), true);
            }
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
        spoolBatch.clear();
        if (offloaded) {
            closedWhileOffloaded = true; // the blocking task still uses the session; it frees it when done
        } else if (session != null) {
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
        // back-pressure: nothing more is framed until the application replied; the framer stops reading once it
        // holds more than a little pipelined input (SmtpFramer.HELD_INPUT_LIMIT)
        busy = true;
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

    /** Back on the event loop with the outcome; if the server has stopped meanwhile, free the spool. */
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
