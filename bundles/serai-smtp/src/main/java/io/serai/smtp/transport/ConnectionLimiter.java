package io.serai.smtp.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import io.serai.smtp.protocol.Replies;
import io.serai.smtp.protocol.ReplyEncoder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps concurrent connections, in total and per client address. A refused client gets {@code 421 4.7.0}
 * (RFC 5321 §3.1 lets a server refuse service with 421) unless the listener is implicit TLS, where a plaintext
 * reply would be garbage to the client. One instance per listener, shared by its channels.
 */
@ChannelHandler.Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimiter.class);

    private static final AttributeKey<Boolean> COUNTED = AttributeKey.valueOf(ConnectionLimiter.class, "counted");

    private final int maxTotal;
    private final int maxPerAddress;
    private final byte[] refusal;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentMap<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();

    /** @param hostname null to close refused connections without a reply */
    ConnectionLimiter(int maxTotal, int maxPerAddress, String hostname) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
        this.refusal = hostname == null ? null : ReplyEncoder.encode(Replies.tooManyConnections(hostname), false);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        InetAddress address = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
        AtomicInteger fromAddress = perAddress.computeIfAbsent(address, a -> new AtomicInteger());
        int all = total.incrementAndGet();
        int mine = fromAddress.incrementAndGet();
        ctx.channel().attr(COUNTED).set(Boolean.TRUE);
        if (all > maxTotal || mine > maxPerAddress) {
            LOG.info("Refused SMTP connection from {}: {} open in total, {} from this address", address, all, mine);
            if (refusal == null) {
                ctx.close();
            } else {
                ctx.writeAndFlush(Unpooled.wrappedBuffer(refusal)).addListener(ChannelFutureListener.CLOSE);
            }
            return; // the session never starts
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (ctx.channel().attr(COUNTED).getAndSet(null) != null) {
            total.decrementAndGet();
            InetAddress address = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
            perAddress.computeIfPresent(address, (a, count) -> count.decrementAndGet() == 0 ? null : count);
        }
        ctx.fireChannelInactive();
    }

    int openConnections() {
        return total.get();
    }

    // Pipelines not yet torn down. This handler is next to the head, so its handlerRemoved is the last step of a
    // teardown that hops between the I/O loop and the session executor; stop() waits for it before stopping them.
    private int pipelines;

    @Override
    public synchronized void handlerAdded(ChannelHandlerContext ctx) {
        pipelines++;
    }

    @Override
    public synchronized void handlerRemoved(ChannelHandlerContext ctx) {
        pipelines--;
        notifyAll();
    }

    /** Waits until every pipeline has been torn down, at most {@code millis}. */
    synchronized void awaitPipelinesGone(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        long left = millis;
        while (pipelines > 0 && left > 0) {
            wait(left);
            left = deadline - System.currentTimeMillis();
        }
    }
}
