package io.serai.smtp.transport;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.EventExecutorGroup;
import io.serai.smtp.api.SmtpServerConfig;
import io.serai.smtp.protocol.SmtpSession;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The pipeline of one connection, one job per handler:
 * <pre>
 *   limits (I/O loop) → [tls (I/O loop)] → framer (session group) → session (session group)
 * </pre>
 * The framer and the session handler share one executor of the session group, so they run in order on one
 * thread per connection, off the I/O loop. STARTTLS inserts the TLS handler after the limiter.
 */
final class SmtpChannelInitializer extends ChannelInitializer<SocketChannel> {

    static final String LIMITS = "limits";
    static final String TLS = "tls";
    static final String FRAMER = "framer";
    static final String SESSION = "session";

    private final SmtpServerConfig config;
    private final ConnectionLimiter limiter;
    private final EventExecutorGroup sessionGroup;
    private final Function<SocketChannel, SmtpSession> sessions;
    private final Executor handlerExecutor;
    private final TlsFactory tls;

    SmtpChannelInitializer(SmtpServerConfig config, ConnectionLimiter limiter, EventExecutorGroup sessionGroup,
                           Function<SocketChannel, SmtpSession> sessions, Executor handlerExecutor, TlsFactory tls) {
        this.config = config;
        this.limiter = limiter;
        this.sessionGroup = sessionGroup;
        this.sessions = sessions;
        this.handlerExecutor = handlerExecutor;
        this.tls = tls;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast(LIMITS, limiter);
        if (config.kind().implicitTls()) {
            pipeline.addLast(TLS, tls.newHandler()); // RFC 8314 §3.3: TLS from the first byte
        }
        SmtpSessionHandler sessionHandler = new SmtpSessionHandler(config,
                ch -> sessions.apply((SocketChannel) ch), handlerExecutor, tls);
        SmtpFramer framer = new SmtpFramer(sessionHandler);
        sessionHandler.framer(framer);
        pipeline.addLast(sessionGroup, FRAMER, framer);
        pipeline.addLast(sessionGroup, SESSION, sessionHandler);
    }
}
