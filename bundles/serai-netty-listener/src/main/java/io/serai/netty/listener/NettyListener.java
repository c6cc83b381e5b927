package io.serai.netty.listener;

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
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads and channels of one listener: an accept thread, I/O loop threads for sockets and TLS, and a session
 * group for the protocol and its blocking store calls, named {@code <protocol>-accept}, {@code -io} and
 * {@code -session}. All of them belong to this instance and end with {@link #stop(Object)}; there is no static
 * state. One instance serves one start of a server (see {@link ListenerServer}); the protocol builds its pipeline
 * with {@link #sessionGroup()}, {@link #channels()}, {@link #pipelines()} and {@link #limitConnections} and hands
 * it to {@link #bind}.
 */
public final class NettyListener {

    private static final Logger LOG = LoggerFactory.getLogger(NettyListener.class);

    /** How long each step of {@link #stop(Object)} may take before the next one forces it. */
    private static final long STEP_MILLIS = 2000;

    /** Quiet period of the I/O and session groups: tasks submitted by the teardown still run. */
    private static final long QUIET_MILLIS = 50;

    private final EventLoopGroup acceptGroup;
    private final EventLoopGroup ioGroup;
    private final EventExecutorGroup sessionGroup;
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final PipelineTracker pipelines = new PipelineTracker();
    private volatile ConnectionLimiter limiter;
    private String description;
    private Channel serverChannel;

    /**
     * @param protocol       the prefix of the thread names, e.g. {@code pop3}
     * @param sessionThreads threads of the session group
     */
    public NettyListener(String protocol, int sessionThreads) {
        acceptGroup = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(protocol + "-accept"),
                NioIoHandler.newFactory());
        ioGroup = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory(protocol + "-io"),
                NioIoHandler.newFactory());
        sessionGroup = new DefaultEventExecutorGroup(sessionThreads, new DefaultThreadFactory(protocol + "-session"));
    }

    /** Where handlers that may block (protocol, store) run, one executor per connection. */
    public EventExecutorGroup sessionGroup() {
        return sessionGroup;
    }

    /** The client channels; the protocol adds each one, so that {@link #stop(Object)} can say goodbye to it. */
    public ChannelGroup channels() {
        return channels;
    }

    /** To put first in every pipeline, so that {@link #stop(Object)} can wait for their teardown. */
    public PipelineTracker pipelines() {
        return pipelines;
    }

    /**
     * The connection limits of this listener, to put in every pipeline after {@link #pipelines()}; see
     * {@link ConnectionLimiter#ConnectionLimiter(int, int, byte[])}. {@link #openConnections()} counts through it.
     */
    public ConnectionLimiter limitConnections(int maxTotal, int maxPerAddress, byte[] refusal) {
        ConnectionLimiter made = new ConnectionLimiter(maxTotal, maxPerAddress, refusal);
        limiter = made;
        return made;
    }

    /** Open client connections as counted by {@link #limitConnections}; 0 without limits (monitoring, tests). */
    public int openConnections() {
        ConnectionLimiter counted = limiter;
        return counted == null ? 0 : counted.openConnections();
    }

    /**
     * A bootstrap on this listener's threads with NIO sockets and {@code TCP_NODELAY} (replies are small: no Nagle
     * stalls); the caller adds its child handler and any further options, then passes it to {@link #bind}.
     */
    public ServerBootstrap bootstrap(int backlog) {
        return new ServerBootstrap()
                .group(acceptGroup, ioGroup)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, backlog)
                .childOption(ChannelOption.TCP_NODELAY, true);
    }

    /**
     * Binds without blocking the caller (an SCR thread must not wait on a socket).
     *
     * @param description names the listener in the log, e.g. {@code POP3} or {@code SMTP SUBMISSION}
     * @return the bound address, or the bind failure
     */
    public synchronized CompletionStage<InetSocketAddress> bind(ServerBootstrap bootstrap, String host, int port,
                                                                String description) {
        if (serverChannel != null) {
            throw new IllegalStateException("already bound");
        }
        this.description = description;
        ChannelFuture bind = bootstrap.bind(host, port);
        Channel channel = bind.channel();
        serverChannel = channel;
        CompletableFuture<InetSocketAddress> bound = new CompletableFuture<>();
        bind.addListener(f -> {
            if (f.isSuccess()) {
                LOG.info("{} listener on {}", description, channel.localAddress());
                bound.complete((InetSocketAddress) channel.localAddress());
            } else {
                LOG.warn("{} listener could not bind {}:{}", description, host, port, f.cause());
                bound.completeExceptionally(f.cause());
            }
        });
        return bound;
    }

    /** The bound address; throws while not bound. */
    public InetSocketAddress localAddress() {
        Channel channel;
        synchronized (this) {
            channel = serverChannel;
        }
        if (channel == null || !channel.isActive()) {
            throw new IllegalStateException("not bound");
        }
        return (InetSocketAddress) channel.localAddress();
    }

    /**
     * Stops accepting, fires {@code shutdownEvent} through every client pipeline so each session can say goodbye in
     * its protocol, closes what is still open after a moment, waits for every pipeline to be torn down, then ends
     * the threads. Blocks at most a few seconds; the returned stage completes when the threads have ended.
     */
    public synchronized CompletionStage<Void> stop(Object shutdownEvent) {
        if (serverChannel != null) {
            LOG.info("Stopping {} listener on {}", description, serverChannel.localAddress());
            serverChannel.close().awaitUninterruptibly(STEP_MILLIS, TimeUnit.MILLISECONDS);
        }
        for (Channel channel : channels) {
            channel.pipeline().fireUserEventTriggered(shutdownEvent);
        }
        // give sessions their goodbye and the close a moment, then force the rest
        channels.newCloseFuture().awaitUninterruptibly(STEP_MILLIS, TimeUnit.MILLISECONDS);
        channels.close().awaitUninterruptibly(STEP_MILLIS, TimeUnit.MILLISECONDS);
        try {
            // teardown hops between the I/O loop and the session executor: stop neither before it is done
            pipelines.awaitNone(STEP_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        acceptGroup.shutdownGracefully(0, STEP_MILLIS, TimeUnit.MILLISECONDS);
        Future<?> io = ioGroup.shutdownGracefully(QUIET_MILLIS, STEP_MILLIS, TimeUnit.MILLISECONDS);
        Future<?> sessions = sessionGroup.shutdownGracefully(QUIET_MILLIS, STEP_MILLIS, TimeUnit.MILLISECONDS);
        io.addListener(i -> sessions.addListener(s -> done.complete(null)));
        return done;
    }
}
