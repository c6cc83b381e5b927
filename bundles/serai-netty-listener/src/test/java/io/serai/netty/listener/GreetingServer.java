package io.serai.netty.listener;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A tiny protocol over {@link NettyListener}, wired the way the mail servers wire theirs: tracker, limiter, then a
 * session handler on the session group that greets, and says goodbye on {@link #SHUTDOWN}.
 */
final class GreetingServer implements AutoCloseable {

    static final Object SHUTDOWN = new Object();
    static final String GREETING = "hello";
    static final String GOODBYE = "bye";

    final NettyListener listener = new NettyListener("greet", 2);
    final ConnectionLimiter limiter;
    final InetSocketAddress address;

    GreetingServer(int maxTotal, int maxPerAddress, String refusal) {
        limiter = new ConnectionLimiter(maxTotal, maxPerAddress,
                refusal == null ? null : (refusal + "\r\n").getBytes(StandardCharsets.US_ASCII));
        ChannelInitializer<SocketChannel> initializer = new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast("tracker", listener.pipelines());
                ch.pipeline().addLast("limits", limiter);
                ch.pipeline().addLast(listener.sessionGroup(), "session", new Session());
            }
        };
        address = listener.bind(listener.bootstrap(16).childHandler(initializer), "127.0.0.1", 0, "GREET")
                .toCompletableFuture().join();
    }

    @Override
    public void close() {
        listener.stop(SHUTDOWN).toCompletableFuture().join();
    }

    private final class Session extends ChannelInboundHandlerAdapter {

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
