package io.serai.imap.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.serai.imap.api.ImapServer;
import io.serai.imap.api.ImapServerConfig;
import io.serai.imap.api.Limits;
import io.serai.imap.api.TlsMode;
import io.serai.imap.protocol.decode.FramerLimits;
import io.serai.imap.protocol.process.AccountCredentials;
import io.serai.imap.protocol.process.ImapConfig;
import io.serai.sasl.CredentialStore;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty implementation of {@link ImapServer}: an accept thread, I/O loop threads for sockets and TLS, and the
 * session group ({@code sessionThreads}) for the protocol and the store. All threads belong to this server and
 * end with {@link #stop()}; there is no static state.
 */
public final class NettyImapServer implements ImapServer {

    private static final Logger LOG = LoggerFactory.getLogger(NettyImapServer.class);

    private ImapServerConfig config;
    private ImapServerConfig.Builder legacy;
    private EventLoopGroup acceptGroup;
    private EventLoopGroup ioGroup;
    private EventExecutorGroup sessionGroup;
    private ChannelGroup channels;
    private Channel serverChannel;
    private ConnectionLimiter limiter;
    private final PipelineTracker pipelines = new PipelineTracker();

    public NettyImapServer(ImapServerConfig config) {
        this.config = config;
    }

    /**
     * The constructor of the transport before {@code io.serai.imap.api} existed, kept for the tests written
     * against it; bind with {@link #start(String, int)}. Use {@link ImapServer#create} instead.
     */
    @Deprecated
    public NettyImapServer(ImapConfig session, FramerLimits limits, SSLContext sslContext, boolean implicitTls) {
        this.legacy = ImapServerConfig.builder()
                .store(session.store())
                .credentials(session.credentials())
                .allowPlaintextAuth(session.allowPlaintextAuth())
                .appendLimit(session.appendLimit())
                .serverName(session.serverName())
                .tls(sslContext == null ? TlsMode.NONE : implicitTls ? TlsMode.IMPLICIT : TlsMode.STARTTLS, sslContext)
                .limits(Limits.defaults().withMaxBadCommands(session.maxBadCommands())
                        .withIdleTimeout(session.idleTimeout())
                        .withMaxLineLength(limits.maxLineLength())
                        .withLiteralSizes(FramerLimits.PRE_AUTH.maxLiteralSize(),
                                Math.max(limits.maxLiteralSize(), session.appendLimit())));
    }

    /** Binds {@code host:port} and waits for it; only for servers made with the deprecated constructor. */
    @Deprecated
    public InetSocketAddress start(String host, int port) throws InterruptedException {
        synchronized (this) {
            config = legacy.bind(host, port).build();
        }
        return start().toCompletableFuture().join();
    }

    @Override
    public synchronized CompletionStage<InetSocketAddress> start() {
        if (acceptGroup != null) {
            throw new IllegalStateException("already started");
        }
        acceptGroup = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("imap-accept"),
                NioIoHandler.newFactory());
        ioGroup = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("imap-io"), NioIoHandler.newFactory());
        sessionGroup = new DefaultEventExecutorGroup(config.sessionThreads(), new DefaultThreadFactory("imap-session"));
        channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
        Limits limits = config.limits();
        limiter = new ConnectionLimiter(limits.maxConnections(), limits.maxConnectionsPerIp(),
                config.tlsMode() == TlsMode.IMPLICIT);
        CredentialStore credentials = config.credentials()
                .orElseGet(() -> new AccountCredentials(config.store().accounts()));
        TlsStarter tls = config.sslContext().map(TlsStarter::new).orElse(null);
        ImapChannelInitializer initializer = new ImapChannelInitializer(config, credentials, limiter,
                new UserConnections(limits.maxConnectionsPerUser()),
                new LoginThrottle(limits.authFailureDelay(), limits.maxAuthFailureDelay(), System::nanoTime),
                sessionGroup, tls, pipelines, channels);
        ChannelFuture bind = new ServerBootstrap()
                .group(acceptGroup, ioGroup)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true) // responses are small: no Nagle stalls
                .childOption(ChannelOption.AUTO_READ, false) // ImapFramerHandler reads one buffer at a time
                .childHandler(initializer)
                .bind(config.bindHost(), config.port());
        serverChannel = bind.channel();
        CompletableFuture<InetSocketAddress> bound = new CompletableFuture<>();
        bind.addListener(f -> {
            if (f.isSuccess()) {
                LOG.info("IMAP listener on {} ({})", serverChannel.localAddress(), config.tlsMode());
                bound.complete((InetSocketAddress) serverChannel.localAddress());
            } else {
                LOG.warn("IMAP listener could not bind {}:{}", config.bindHost(), config.port(), f.cause());
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

    @Override
    public int openConnections() {
        return limiter == null ? 0 : limiter.openConnections();
    }

    @Override
    public synchronized CompletionStage<Void> stop() {
        if (acceptGroup == null) {
            return CompletableFuture.completedFuture(null);
        }
        serverChannel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        for (Channel channel : channels) {
            channel.pipeline().fireUserEventTriggered(SessionTerminator.SHUTDOWN);
        }
        channels.newCloseFuture().awaitUninterruptibly(2, TimeUnit.SECONDS);
        channels.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        try {
            pipelines.awaitNone(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        acceptGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        Future<?> io = ioGroup.shutdownGracefully(50, 2000, TimeUnit.MILLISECONDS);
        Future<?> sessions = sessionGroup.shutdownGracefully(50, 2000, TimeUnit.MILLISECONDS);
        io.addListener(i -> sessions.addListener(s -> done.complete(null)));
        acceptGroup = null;
        return done;
    }

    @Override
    public void close() {
        stop().toCompletableFuture().join();
    }
}
