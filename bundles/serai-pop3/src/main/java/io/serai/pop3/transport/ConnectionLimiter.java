package io.serai.pop3.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps open connections per listener and per client address. A refused client gets {@code refusal} (if any) and
 * is closed before the session starts. Shared by all channels of one listener; self-contained on purpose, so it
 * can move to a common module later.
 */
@ChannelHandler.Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {

    private static final AttributeKey<InetAddress> COUNTED = AttributeKey.valueOf(ConnectionLimiter.class, "from");

    private final int maxTotal;
    private final int maxPerAddress;
    private final byte[] refusal;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<InetAddress, Integer> byAddress = new ConcurrentHashMap<>();

    /** @param refusal sent to refused clients, or null to close them silently (implicit TLS) */
    ConnectionLimiter(int maxTotal, int maxPerAddress, byte[] refusal) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
        this.refusal = refusal;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        InetAddress from = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
        ctx.channel().attr(COUNTED).set(from);
        int total = open.incrementAndGet();
        int mine = byAddress.merge(from, 1, Integer::sum);
        if (total > maxTotal || mine > maxPerAddress) {
            if (refusal == null) {
                ctx.close();
            } else {
                ctx.writeAndFlush(Unpooled.wrappedBuffer(refusal)).addListener(ChannelFutureListener.CLOSE);
            }
            return;
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        InetAddress from = ctx.channel().attr(COUNTED).getAndSet(null);
        if (from != null) {
            open.decrementAndGet();
            byAddress.computeIfPresent(from, (a, n) -> n == 1 ? null : n - 1);
        }
        ctx.fireChannelInactive();
    }

    int openConnections() {
        return open.get();
    }
}
