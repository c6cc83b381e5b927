package io.serai.netty.listener;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny protocol server, wired the way the mail servers wire theirs: tracker, limiter, then a session handler on
 * the session group that greets, and says goodbye on {@link #SHUTDOWN}.
 */
final class GreetingServer extends ListenerServer {

    static final Object SHUTDOWN = new Object();
    static final String GREETING = "hello";
    static final String GOODBYE = "bye";

    private final int maxTotal;
    private final int maxPerAddress;
    private final byte[] refusal;
    final AtomicInteger stops = new AtomicInteger();
    volatile NettyListener listener;

    GreetingServer(int maxTotal, int maxPerAddress, String refusal) {
        super("greet", SHUTDOWN);
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
        this.refusal = refusal == null ? null : (refusal + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Starts and waits for the bind. */
    static GreetingServer started(int maxTotal, int maxPerAddress, String refusal) {
        GreetingServer server = new GreetingServer(maxTotal, maxPerAddress, refusal);
        server.start().toCompletableFuture().join();
        return server;
    }

    InetSocketAddress address() {
        return localAddress();
    }

    @Override
    protected int sessionThreads() {
        return 2;
    }

    @Override
    protected CompletionStage<InetSocketAddress> bind(NettyListener on) {
        listener = on;
        ConnectionLimiter limiter = on.limitConnections(maxTotal, maxPerAddress, refusal);
        ChannelInitializer<SocketChannel> initializer = new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast("tracker", on.pipelines());
                ch.pipeline().addLast("limits", limiter);
                ch.pipeline().addLast(on.sessionGroup(), "session", new Session(on));
            }
        };
        return on.bind(on.bootstrap(16).childHandler(initializer), "127.0.0.1", 0, "GREET");
    }

    @Override
    protected Runnable releaseAfterStop() {
        return stops::incrementAndGet;
    }

    private static final class Session extends ChannelInboundHandlerAdapter {

        private final NettyListener listener;

        Session(NettyListener listener) {
            this.listener = listener;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            listener.channels().add(ctx.channel());
            ctx.writeAndFlush(line(GREETING + " from " + Thread.currentThread().getName()));
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event == SHUTDOWN) {
                ctx.writeAndFlush(line(GOODBYE)).addListener(ChannelFutureListener.CLOSE);
            } else {
                ctx.fireUserEventTriggered(event);
            }
        }

        private static Object line(String text) {
            return Unpooled.copiedBuffer(text + "\r\n", StandardCharsets.US_ASCII);
        }
    }
}
