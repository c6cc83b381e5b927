package io.serai.smtp.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.serai.sasl.SaslMechanisms;
import io.serai.smtp.api.SmtpServer;
import io.serai.smtp.api.SmtpServerConfig;
import io.serai.smtp.protocol.SmtpSession;
import io.serai.smtp.protocol.ThresholdSpool;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty implementation of {@link SmtpServer}: one boss thread accepts, one I/O loop thread does socket and TLS
 * work, the session group runs the protocol, and the handler executor runs the application's MessageHandler.
 * Every thread belongs to this server and is stopped by {@link #stop()}; there is no shared static state.
 */
public final class NettySmtpServer implements SmtpServer {

    private static final Logger LOG = LoggerFactory.getLogger(NettySmtpServer.class);

    private static final long QUIET_PERIOD_MS = 50;

    private final SmtpServerConfig config;
    private final SecureRandom random = new SecureRandom();
    private EventLoopGroup bossGroup;
    private EventLoopGroup ioGroup;
    private EventExecutorGroup sessionGroup;
    private ExecutorService ownedHandlerExecutor;
    private ChannelGroup channels;
    private Channel serverChannel;
    private ConnectionLimiter limiter;

    public NettySmtpServer(SmtpServerConfig config) {
        this.config = config;
    }

    @Override
    public synchronized CompletionStage<InetSocketAddress> start() {
        if (bossGroup != null) {
            throw new IllegalStateException("already started");
        }
        bossGroup = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("smtp-accept"), NioIoHandler.newFactory());
        ioGroup = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("smtp-io"), NioIoHandler.newFactory());
        sessionGroup = new DefaultEventExecutorGroup(config.sessionThreads(), new DefaultThreadFactory("smtp-session"));
        ownedHandlerExecutor = config.handlerExecutor().isPresent()
                ? null : Executors.newCachedThreadPool(new DefaultThreadFactory("smtp-handler"));
        channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
        TlsFactory tls = config.sslContext().map(TlsFactory::new).orElse(null);
        limiter = new ConnectionLimiter(config.limits().maxConnections(), config.limits().maxConnectionsPerIp(),
                config.kind().implicitTls() ? null : config.hostname());
        SaslMechanisms sasl = config.credentials().map(SaslMechanisms::new).orElse(null);
        ThresholdSpool spool = new ThresholdSpool(config.limits().spoolThreshold(), config.spoolDirectory());
        Supplier<String> ids = this::transactionId;
        SmtpChannelInitializer initializer = new SmtpChannelInitializer(config, limiter, sessionGroup,
                ch -> {
                    channels.add(ch);
                    return new SmtpSession(config, ch.remoteAddress(), config.kind().implicitTls(), spool, ids, sasl);
                },
                config.handlerExecutor().orElse(ownedHandlerExecutor), tls);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, ioGroup)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 128)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(initializer);
        CompletableFuture<InetSocketAddress> bound = new CompletableFuture<>();
        ChannelFuture bind = bootstrap.bind(config.bindHost(), config.port());
        serverChannel = bind.channel();
        bind.addListener(f -> {
            if (f.isSuccess()) {
                LOG.info("SMTP {} listener on {}", config.kind(), serverChannel.localAddress());
                bound.complete((InetSocketAddress) serverChannel.localAddress());
            } else {
                LOG.warn("SMTP {} listener could not bind {}:{}", config.kind(), config.bindHost(), config.port(),
                        f.cause());
                bound.completeExceptionally(f.cause());
            }
        });
        return bound;
    }

    @Override
    public InetSocketAddress localAddress() {
        Channel channel = serverChannel;
        if (channel == null || !channel.isActive()) {
            throw new IllegalStateException("not bound");
        }
        return (InetSocketAddress) channel.localAddress();
    }

    /** Open client connections (for monitoring and tests). */
    public int openConnections() {
        return limiter == null ? 0 : limiter.openConnections();
    }

    @Override
    public synchronized CompletionStage<Void> stop() {
        if (bossGroup == null) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        LOG.info("Stopping SMTP {} listener on {}", config.kind(), serverChannel.localAddress());
        serverChannel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        for (Channel channel : channels) {
            channel.pipeline().fireUserEventTriggered(ShutdownEvent.INSTANCE);
        }
        // give sessions their 421 and the close a moment, then force the rest
        channels.newCloseFuture().awaitUninterruptibly(2, TimeUnit.SECONDS);
        channels.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        try {
            limiter.awaitPipelinesGone(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        EventLoopGroup boss = bossGroup;
        EventLoopGroup io = ioGroup;
        EventExecutorGroup sessions = sessionGroup;
        ExecutorService handlers = ownedHandlerExecutor;
        bossGroup = null;
        // Every pipeline is torn down by now (teardown hops between the I/O loop and the session executor).
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        io.netty.util.concurrent.Future<?> ioDone = io.shutdownGracefully(QUIET_PERIOD_MS, 2000, TimeUnit.MILLISECONDS);
        io.netty.util.concurrent.Future<?> sessionsDone =
                sessions.shutdownGracefully(QUIET_PERIOD_MS, 2000, TimeUnit.MILLISECONDS);
        ioDone.addListener(i -> sessionsDone.addListener(s -> {
            if (handlers != null) {
                handlers.shutdownNow();
            }
            done.complete(null);
        }));
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
