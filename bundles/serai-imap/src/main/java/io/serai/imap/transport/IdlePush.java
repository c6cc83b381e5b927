package io.serai.imap.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.ScheduledFuture;
import io.serai.imap.protocol.process.ImapSession;
import io.serai.imap.protocol.response.ImapResponse;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The transport side of IDLE (RFC 2177, RFC 9051 §6.3.13): when the store reports a change (on a store thread), one
 * task on the connection's own session executor asks the session for its updates and writes them, so the session is
 * still driven one call at a time and nothing waits on a thread while the client idles. Also runs the IDLE timeout
 * as a scheduled task on that executor ({@code * BYE}, then the connection closes).
 */
final class IdlePush {

    private final ChannelHandlerContext ctx;
    private final ImapSession session;
    private final Consumer<List<ImapResponse>> writer;
    private final AtomicBoolean queued = new AtomicBoolean();
    private ScheduledFuture<?> timeout;

    /** @param writer writes and flushes responses (and closes after BYE); called on {@code ctx.executor()} */
    IdlePush(ChannelHandlerContext ctx, ImapSession session, Consumer<List<ImapResponse>> writer) {
        this.ctx = ctx;
        this.session = session;
        this.writer = writer;
    }

    /** Any thread: changes wait for the session. At most one push task is queued at a time. */
    void wake() {
        if (queued.compareAndSet(false, true)) {
            try {
                ctx.executor().execute(this::push);
            } catch (RejectedExecutionException e) {
                queued.set(false); // the server is shutting down; the connection goes with it
            }
        }
    }

    private void push() {
        queued.set(false);
        if (session.idling() && ctx.channel().isActive()) {
            writer.accept(session.idleUpdates());
        }
    }

    /** After each command (on the session executor): starts the timer when IDLE began, stops it when it ended. */
    void commandDone() {
        if (session.idling() && timeout == null) {
            timeout = ctx.executor().schedule(this::timedOut, session.idleTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } else if (!session.idling()) {
            cancel();
        }
    }

    private void timedOut() {
        timeout = null;
        writer.accept(session.idleTimedOut());
    }

    /** The connection closed. */
    void cancel() {
        if (timeout != null) {
            timeout.cancel(false);
            timeout = null;
        }
    }
}
