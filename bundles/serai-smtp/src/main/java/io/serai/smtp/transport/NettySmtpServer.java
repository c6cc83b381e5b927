package io.serai.smtp.transport;

import io.netty.util.concurrent.DefaultThreadFactory;
import io.serai.netty.listener.ConnectionLimiter;
import io.serai.netty.listener.ListenerServer;
import io.serai.netty.listener.NettyListener;
import io.serai.netty.listener.SpoolLeftovers;
import io.serai.sasl.SaslMechanisms;
import io.serai.smtp.api.SmtpServer;
import io.serai.smtp.api.SmtpServerConfig;
import io.serai.smtp.protocol.Replies;
import io.serai.smtp.protocol.ReplyEncoder;
import io.serai.smtp.protocol.SmtpSession;
import io.serai.smtp.protocol.ThresholdSpool;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The Netty implementation of {@link SmtpServer}: a {@link NettyListener} (one thread accepts, I/O loop threads do
 * socket and TLS work, the session group runs the protocol) and the handler executor that runs the application's
 * MessageHandler. Every thread belongs to this server and is stopped by {@link #stop()}; there is no shared static
 * state.
 */
public final class NettySmtpServer extends ListenerServer implements SmtpServer {

    private final SmtpServerConfig config;
    private final SecureRandom random = new SecureRandom();
    private ExecutorService ownedHandlerExecutor;

    public NettySmtpServer(SmtpServerConfig config) {
        // on stop, sessions get their 421 (RFC 5321 §3.8)
        super("smtp", ShutdownEvent.INSTANCE);
        this.config = config;
    }

    @Override
    protected int sessionThreads() {
        return config.sessionThreads();
    }

    @Override
    protected CompletionStage<InetSocketAddress> bind(NettyListener listener) {
        ownedHandlerExecutor = config.handlerExecutor().isPresent()
                ? null : Executors.newCachedThreadPool(new DefaultThreadFactory("smtp-handler"));
        TlsFactory tls = config.sslContext().map(TlsFactory::new).orElse(null);
        // RFC 5321 §3.1 lets a server refuse service with 421; on implicit TLS a plaintext reply would be garbage
        ConnectionLimiter limiter = listener.limitConnections(config.limits().maxConnections(),
                config.limits().maxConnectionsPerIp(), config.kind().implicitTls() ? null
                        : ReplyEncoder.encode(Replies.tooManyConnections(config.hostname()), false));
        SaslMechanisms sasl = config.credentials().map(SaslMechanisms::new).orElse(null);
        ThresholdSpool spool = new ThresholdSpool(config.limits().spoolThreshold(), config.spoolDirectory());
        SpoolLeftovers.deleteFromEarlierRuns(config.spoolDirectory(), ThresholdSpool.FILE_GLOB);
        Supplier<String> ids = this::transactionId;
        SmtpChannelInitializer initializer = new SmtpChannelInitializer(config, listener.pipelines(), limiter,
                listener.sessionGroup(),
                ch -> {
                    listener.channels().add(ch);
                    return new SmtpSession(config, ch.remoteAddress(), config.kind().implicitTls(), spool, ids, sasl);
                },
                config.handlerExecutor().orElse(ownedHandlerExecutor), tls);
        return listener.bind(listener.bootstrap(128).childHandler(initializer), config.bindHost(), config.port(),
                "SMTP " + config.kind());
    }

    /** The handler threads this server made end after the sessions, which may still hand work to them. */
    @Override
    protected Runnable releaseAfterStop() {
        ExecutorService handlers = ownedHandlerExecutor;
        ownedHandlerExecutor = null;
        return () -> {
            if (handlers != null) {
                handlers.shutdownNow();
            }
        };
    }

    private String transactionId() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
