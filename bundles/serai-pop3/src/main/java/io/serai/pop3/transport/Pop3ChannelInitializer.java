package io.serai.pop3.transport;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.EventExecutorGroup;
import io.serai.netty.listener.ConnectionLimiter;
import io.serai.netty.listener.PipelineTracker;
import io.serai.pop3.api.Pop3ServerConfig;
import io.serai.pop3.protocol.Pop3Session;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The pipeline of one connection, one job per handler:
 * <pre>
 *   tracker → limits → [tls] → idle (I/O loop) → chunked writer → framer → session (session group)
 * </pre>
 * The chunked writer, framer and session handler share one executor of the session group, so store reads for
 * RETR and the protocol run in order on one thread per connection, off the I/O loop. STLS inserts {@code tls}
 * after {@code limits}.
 */
final class Pop3ChannelInitializer extends ChannelInitializer<SocketChannel> {

    static final String LIMITS = "limits";
    static final String TLS = "tls";

    private final Pop3ServerConfig config;
    private final ConnectionLimiter limiter;
    private final EventExecutorGroup sessionGroup;
    private final Function<SocketChannel, Pop3Session> sessions;
    private final TlsStarter tls;
    private final PipelineTracker tracker;

    Pop3ChannelInitializer(Pop3ServerConfig config, ConnectionLimiter limiter, EventExecutorGroup sessionGroup,
                           Function<SocketChannel, Pop3Session> sessions, TlsStarter tls, PipelineTracker tracker) {
        this.tracker = tracker;
        this.config = config;
        this.limiter = limiter;
        this.sessionGroup = sessionGroup;
        this.sessions = sessions;
        this.tls = tls;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("tracker", tracker);
        pipeline.addLast(LIMITS, limiter);
        if (config.implicitTls()) {
            pipeline.addLast(TLS, tls.newHandler()); // RFC 8314 §3.3: TLS from the first byte
        }
        // RFC 1939 §3 autologout: no traffic either way for the configured time
        pipeline.addLast("idle", new IdleStateHandler(0, 0, config.limits().idleTimeout().toMillis(),
                TimeUnit.MILLISECONDS));
        Pop3SessionHandler handler = new Pop3SessionHandler(ch -> sessions.apply((SocketChannel) ch),
                config.limits().authFailureDelay(), tls);
        Pop3Framer framer = new Pop3Framer(config.limits().maxLineLength(), handler::ready);
        handler.framer(framer);
        pipeline.addLast(sessionGroup, "chunked", new ChunkedWriteHandler());
        pipeline.addLast(sessionGroup, "framer", framer);
        pipeline.addLast(sessionGroup, "session", handler);
    }
}
