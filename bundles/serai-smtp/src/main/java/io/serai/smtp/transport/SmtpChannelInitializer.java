package io.serai.smtp.transport;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.EventExecutorGroup;
import io.serai.netty.listener.ConnectionLimiter;
import io.serai.netty.listener.PipelineTracker;
import io.serai.smtp.api.SmtpServerConfig;
import io.serai.smtp.protocol.SmtpSession;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The pipeline of one connection, one job per handler:
 * <pre>
 *   tracker → limits → [tls] → framer → session        (all on the channel's I/O event loop)
 * </pre>
 * The session handler hands the session's blocking work to one executor of the session group per connection,
 * so it runs in order off the I/O loop. STARTTLS inserts the TLS handler after the limiter.
 */
final class SmtpChannelInitializer extends ChannelInitializer<SocketChannel> {

    static final String TRACKER = "tracker";
    static final String LIMITS = "limits";
    static final String TLS = "tls";
    static final String FRAMER = "framer";
    static final String SESSION = "session";

    private final SmtpServerConfig config;
    private final PipelineTracker tracker;
    private final ConnectionLimiter limiter;
    private final EventExecutorGroup sessionGroup;
    private final Function<SocketChannel, SmtpSession> sessions;
    private final Executor handlerExecutor;
    private final TlsFactory tls;

    SmtpChannelInitializer(SmtpServerConfig config, PipelineTracker tracker, ConnectionLimiter limiter,
                           EventExecutorGroup sessionGroup, Function<SocketChannel, SmtpSession> sessions,
                           Executor handlerExecutor, TlsFactory tls) {
        this.config = config;
        this.tracker = tracker;
        this.limiter = limiter;
        this.sessionGroup = sessionGroup;
        this.sessions = sessions;
        this.handlerExecutor = handlerExecutor;
        this.tls = tls;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast(TRACKER, tracker);
        pipeline.addLast(LIMITS, limiter);
        if (config.kind().implicitTls()) {
            pipeline.addLast(TLS, tls.newHandler()); // RFC 8314 §3.3: TLS from the first byte
        }
        SmtpSessionHandler sessionHandler = new SmtpSessionHandler(config,
                ch -> sessions.apply((SocketChannel) ch), handlerExecutor, sessionGroup.next(), tls);
        SmtpFramer framer = new SmtpFramer(sessionHandler);
        sessionHandler.framer(framer);
        pipeline.addLast(FRAMER, framer);
        pipeline.addLast(SESSION, sessionHandler);
    }
}
