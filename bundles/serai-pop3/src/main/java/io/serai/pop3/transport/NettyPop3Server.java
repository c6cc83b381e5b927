package io.serai.pop3.transport;

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
import io.serai.pop3.api.Pop3Server;
import io.serai.pop3.api.Pop3ServerConfig;
import io.serai.pop3.protocol.Pop3Session;
import io.serai.pop3.protocol.Replies;
import io.serai.pop3.protocol.StoreCredentials;
import io.serai.sasl.CredentialStore;
import io.serai.sasl.SaslMechanisms;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty implementation of {@link Pop3Server}: an accept thread, I/O loop threads for sockets and TLS, and the
 * session group ({@code sessionThreads}) for the protocol and the store. All threads belong to this server and
 * end with {@link #stop()}; there is no static state.
 */
public final class NettyPop3Server implements Pop3Server {

    private static final Logger LOG = LoggerFactory.getLogger(NettyPop3Server.class);

    private final Pop3ServerConfig config;
    private EventLoopGroup acceptGroup;
    private EventLoopGroup ioGroup;
    private EventExecutorGroup sessionGroup;
    private ChannelGroup channels;
    private Channel serverChannel;
    private ConnectionLimiter limiter;
    private final PipelineTracker pipelines = new PipelineTracker();

    public NettyPop3Server(Pop3ServerConfig config) {
        this.config = config;
    }

    @Override
    public synchronized CompletionStage<InetSocketAddress> start() {
        if (acceptGroup != null) {
            throw new IllegalStateException("already started");
        }
        acceptGroup = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("pop3-accept"), NioIoHandler.newFactory());
        ioGroup = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("pop3-io"), NioIoHandler.newFactory());
        sessionGroup = new DefaultEventExecutorGroup(config.sessionThreads(), new DefaultThreadFactory("pop3-session"));
        channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
        // RFC 2449 §8.1.2 has no code for "too busy"; SYS/TEMP tells the client to try again later
        limiter = new ConnectionLimiter(config.limits().maxConnections(), config.limits().maxConnectionsPerIp(),
                config.implicitTls() ? null : Replies.err(Replies.SYS_TEMP, "too many connections"));
        CredentialStore credentials = config.credentials()
                .orElseGet(() -> new StoreCredentials(config.store().accounts()));
        SaslMechanisms sasl = new SaslMechanisms(credentials);
        TlsStarter tls = config.sslContext().map(TlsStarter::new).orElse(new TlsStarter(null));
        Pop3ChannelInitializer initializer = new Pop3ChannelInitializer(config, limiter, sessionGroup, ch -> {
            channels.add(ch);
            return new Pop3Session(config, ch.remoteAddress(), config.implicitTls(), sasl, credentials);
        }, tls, pipelines);
        ChannelFuture bind = new ServerBootstrap()
                .group(acceptGroup, ioGroup)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 128)
                .childOption(ChannelOption.TCP_NODELAY, true) // replies are small: no Nagle stalls
                .childHandler(initializer)
                .bind(config.bindHost(), config.port());
        serverChannel = bind.channel();
        CompletableFuture<InetSocketAddress> bound = new CompletableFuture<>();
        bind.addListener(f -> {
            if (f.isSuccess()) {
                LOG.info("POP3 listener on {}", serverChannel.localAddress());
                bound.complete((InetSocketAddress) serverChannel.localAddress());
            } else {
                LOG.warn("POP3 listener could not bind {}:{}", config.bindHost(), config.port(), f.cause());
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

    /** Open client connections (monitoring and tests). */
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
            channel.pipeline().fireUserEventTriggered(Pop3SessionHandler.SHUTDOWN);
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
