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
 * handed to this connection's executor of the session group. A command waits there while no further input is
 * framed. Message data for the disk spool streams there instead: each read batch is handed over as it arrives,
 * without waiting for the previous one, with the framing predicted here (the data lines' limit, or what is left of
 * a BDAT chunk) because the session is in use on the other thread; only the end of the data or chunk waits for the
 * session's reply. The application's delivery runs on the handler executor.
 *
 * <p>Replies to pipelined commands (RFC 2920) are written as they come and flushed once per read batch; every
 * asynchronous reply (end of data, delayed AUTH failure, timeout) is one write and flush.
 */
final class SmtpSessionHandler extends ChannelInboundHandlerAdapter implements InputModeSource {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpSessionHandler.class);

    private final SmtpServerConfig config;
    private final Function<Channel, SmtpSession> sessions;
    /** Message input handed to the blocking executor in pieces of about this size. */
    private static final int STREAM_BATCH_BYTES = 64 * 1024;
    /** Message input queued on the blocking executor beyond which reading pauses. */
    private static final long MAX_STREAMING_BYTES = 1024 * 1024;

    private final Executor handlerExecutor;
    private final Executor blockingExecutor;
    private final TlsFactory tls;
    /** Message input for the disk spool, framed in this read batch, not yet handed to the blocking executor. */
    private final List<Frame> pending = new ArrayList<>();
    private int pendingBytes;
    /** While streaming message input: how it is framed (the session cannot be asked, it is busy elsewhere). */
    private InputMode streaming;
    private long chunkLeft;
    /** Tasks on the blocking executor: while any runs, nothing else may touch the session. */
    private int inFlight;
    private long inFlightBytes;
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
        if (busy || outputBacklog || session == null) {
            return InputMode.none();
        }
        if (streaming != null) {
            return streaming.kind() == InputMode.Kind.CHUNK ? InputMode.chunk(chunkLeft) : streaming;
        }
        return session.inputMode();
    }

    /** Whether message data is being read, for the data timeout; asks the session only when it is idle here. */
    private boolean readingData() {
        return streaming != null || (inFlight == 0 && session.inputMode().data());
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        ctx = context;
        session = sessions.apply(context.channel());
        timeout = new InputTimeout(config.limits(), context.executor(), this::readingData,
                () -> busy || inFlight > 0, () -> {
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
        if (streaming != null) {
            stream(frame);
        } else if (frame instanceof Frame.Line line && session.lineMayBlock(line.bytes())) {
            if (session.inputMode().data()) {
                startStreaming();
                stream(frame);
            } else {
                submit(List.of(frame), 0, true);
            }
        } else if ((frame instanceof Frame.ChunkPart part && session.chunkMayBlock(part.bytes().length))
                || (frame instanceof Frame.Overlong && session.lineTooLongMayBlock())) {
            startStreaming();
            stream(frame);
        } else {
            perform(feed(frame), false);
        }
    }

    private void startStreaming() {
        streaming = session.inputMode();
        chunkLeft = streaming.limit();
    }

    /** Queues message input for the blocking executor; the end of the data or chunk goes at once and waits. */
    private void stream(Frame frame) {
        pending.add(frame);
        int size = frame instanceof Frame.Line line ? line.bytes().length + 2
                : frame instanceof Frame.ChunkPart part ? part.bytes().length : 0;
        pendingBytes += size;
        boolean last;
        if (streaming.kind() == InputMode.Kind.CHUNK) {
            chunkLeft -= size;
            last = chunkLeft == 0;
        } else {
            // RFC 5321 §4.1.1.4: what follows the dot is a command, framed only after the session's reply
            last = frame instanceof Frame.Line line && line.bytes().length == 1 && line.bytes()[0] == '.';
        }
        if (last) {
            streaming = null;
            submitPending(true);
        } else if (pendingBytes >= STREAM_BATCH_BYTES) {
            submitPending(false);
        }
    }

    private void submitPending(boolean waitForReply) {
        if (!pending.isEmpty()) {
            List<Frame> frames = List.copyOf(pending);
            int bytes = pendingBytes;
            pending.clear();
            pendingBytes = 0;
            submit(frames, bytes, waitForReply);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        submitPending(false);
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
     * Feeds {@code frames} to the session on the blocking executor and carries out the responses back on the
     * event loop. With {@code waitForReply} nothing more is framed until then; otherwise input keeps flowing
     * (message data), and reading pauses only while more than {@link #MAX_STREAMING_BYTES} are queued.
     */
    private void submit(List<Frame> frames, int bytes, boolean waitForReply) {
        if (waitForReply) {
            busy = true;
        }
        inFlight++;
        inFlightBytes += bytes;
        if (inFlightBytes > MAX_STREAMING_BYTES) {
            ctx.channel().config().setAutoRead(false); // disk slower than the network: back-pressure
        }
        try {
            blockingExecutor.execute(() -> {
                List<Response> responses = new ArrayList<>(1);
                RuntimeException failure = null;
                try {
                    for (Frame frame : frames) {
                        Response response = feed(frame);
                        if (response.output().length > 0 || response.action() != Response.Action.CONTINUE
                                || response.throttled()) {
                            responses.add(response);
                        }
                    }
                } catch (RuntimeException e) {
                    failure = e;
                }
                RuntimeException thrown = failure;
                ctx.executor().execute(() -> submitted(responses, thrown, bytes, waitForReply));
            });
        } catch (RejectedExecutionException stopping) {
            inFlight--;
            ctx.close(); // the server is stopping
        }
    }

    private void submitted(List<Response> responses, RuntimeException failure, int bytes, boolean waitedForReply) {
        inFlight--;
        inFlightBytes -= bytes;
        if (closedWhileOffloaded) {
            if (inFlight == 0) {
                session.closed();
            }
            return;
        }
        if (failure != null) {
            exceptionCaught(ctx, failure);
            return;
        }
        if (waitedForReply) {
            busy = false; // before the responses: a delivery, STARTTLS or delayed reply makes it busy again
        }
        for (Response response : responses) {
            perform(response, false);
        }
        if (shutdownWhileOffloaded && inFlight == 0) {
            shutdownWhileOffloaded = false;
            streaming = null;
            pending.clear();
            busy = false;
            perform(session.shutdown(), false);
        }
        if (waitedForReply) {
            ctx.flush();
            resumeInput();
        } else if (!busy && inFlightBytes <= MAX_STREAMING_BYTES / 2) {
            resumeInput();
        }
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
            if (inFlight > 0) {
                shutdownWhileOffloaded = true;
            } else {
                streaming = null; // the session ends the transaction; unsent message input is dropped with it
                pending.clear();
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
        pending.clear();
        streaming = null;
        if (inFlight > 0) {
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
                    stage.whenComplete((reply, failure) -> completeOnLoop(delivery, reply, failure));
                } catch (RuntimeException | Error e) {
                    completeOnLoop(delivery, null, e);
                }
            });
        } catch (RejectedExecutionException full) {
            // the application's executor takes no more work: the client keeps the message and retries (451)
            delivered(null, full);
        }
    }

    /** Back on the event loop with the outcome; if the server has stopped meanwhile, free the spool. */
    private void completeOnLoop(Response.Delivery delivery, SmtpReply reply, Throwable failure) {
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
