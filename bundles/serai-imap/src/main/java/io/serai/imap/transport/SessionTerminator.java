package io.serai.imap.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a session from the server's side with an untagged BYE (RFC 9051 §7.1.5): the autologout timer (§5.4) and
 * a server shutdown. It runs on the session's executor, so the BYE follows any response already written.
 */
final class SessionTerminator extends ChannelInboundHandlerAdapter {

    /** Fired through the pipeline by {@link NettyImapServer#stop()}. */
    static final Object SHUTDOWN = new Object();

    static final byte[] AUTOLOGOUT = "* BYE Autologout; idle for too long\r\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SHUTTING_DOWN = "* BYE Server shutting down\r\n".getBytes(StandardCharsets.US_ASCII);

    private static final Logger LOG = LoggerFactory.getLogger(SessionTerminator.class);

    private final java.util.function.BooleanSupplier idling;
    private boolean done;

    /**
     * @param idling whether the session is in IDLE, whose own timer (IdlePush) ends it with its own BYE, or has
     *               already ended
     */
    SessionTerminator(java.util.function.BooleanSupplier idling) {
        this.idling = idling;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            if (idling.getAsBoolean()) {
                return; // IdlePush times IDLE from its start; the autologout timer counts from the last traffic
            }
            LOG.debug("IMAP session with {} timed out", ctx.channel().remoteAddress());
            bye(ctx, AUTOLOGOUT);
        } else if (event == SHUTDOWN) {
            bye(ctx, SHUTTING_DOWN);
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    private void bye(ChannelHandlerContext ctx, byte[] text) {
        if (done || !ctx.channel().isActive()) {
            return;
        }
        done = true;
        ctx.channel().config().setAutoRead(false);
        ctx.writeAndFlush(Unpooled.wrappedBuffer(text)).addListener(ChannelFutureListener.CLOSE);
    }
}
