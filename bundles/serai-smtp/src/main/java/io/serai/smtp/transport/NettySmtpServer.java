package io.serai.smtp.transport;

import io.netty.util.concurrent.DefaultThreadFactory;
import io.serai.netty.listener.ConnectionLimiter;
import io.serai.netty.listener.NettyListener;
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
import java.util.concurrent.CompletableFuture;
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
public final class NettySmtpServer implements SmtpServer {

    private final SmtpServerConfig config;
    private final SecureRandom random = new SecureRandom();
    private volatile NettyListener listener;
    private ExecutorService ownedHandlerExecutor;
    private ConnectionLimiter limiter;

    public NettySmtpServer(SmtpServerConfig config) {
        this.config = config;
    }

    @Override
    public synchronized CompletionStage<InetSocketAddress> start() {
        if (listener != null) {
            throw new IllegalStateException("already started");
        }
        NettyListener running = new NettyListener("smtp", config.sessionThreads());
        listener = running;
        ownedHandlerExecutor = config.handlerExecutor().isPresent()
                ? null : Executors.newCachedThreadPool(new DefaultThreadFactory("smtp-handler"));
        TlsFactory tls = config.sslContext().map(TlsFactory::new).orElse(null);
        // RFC 5321 §3.1 lets a server refuse service with 421; on implicit TLS a plaintext reply would be garbage
        limiter = new ConnectionLimiter(config.limits().maxConnections(), config.limits().maxConnectionsPerIp(),
                config.kind().implicitTls() ? null
                        : ReplyEncoder.encode(Replies.tooManyConnections(config.hostname()), false));
        SaslMechanisms sasl = config.credentials().map(SaslMechanisms::new).orElse(null);
        ThresholdSpool spool = new ThresholdSpool(config.limits().spoolThreshold(), config.spoolDirectory());
        Supplier<String> ids = this::transactionId;
        SmtpChannelInitializer initializer = new SmtpChannelInitializer(config, running.pipelines(), limiter,
                running.sessionGroup(),
                ch -> {
                    running.channels().add(ch);
                    return new SmtpSession(config, ch.remoteAddress(), config.kind().implicitTls(), spool, ids, sasl);
                },
                config.handlerExecutor().orElse(ownedHandlerExecutor), tls);
        return running.bind(running.bootstrap(128).childHandler(initializer), config.bindHost(), config.port(),
                "SMTP " + config.kind());
    }

    @Override
    public InetSocketAddress localAddress() {
        NettyListener running = listener;
        if (running == null) {
            throw new IllegalStateException("not bound");
        }
        return running.localAddress();
    }

    /** Open client connections (for monitoring and tests). */
    public int openConnections() {
        return limiter == null ? 0 : limiter.openConnections();
    }

    @Override
    public synchronized CompletionStage<Void> stop() {
        if (listener == null) {
            return CompletableFuture.completedFuture(null);
        }
        // sessions get their 421 (RFC 5321 §3.8); the handlers are stopped once the sessions are
        ExecutorService handlers = ownedHandlerExecutor;
        CompletionStage<Void> done = listener.stop(ShutdownEvent.INSTANCE).thenRun(() -> {
            if (handlers != null) {
                handlers.shutdownNow();
            }
        });
        listener = null;
        return done;
    }

    @Override
    public void close() {
        stop().toCompletableFuture().join();
    }

    private String transactionId() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
