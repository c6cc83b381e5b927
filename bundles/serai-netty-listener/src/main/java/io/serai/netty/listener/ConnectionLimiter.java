package io.serai.netty.listener;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps open connections per listener and per client address, on the I/O loop before any session exists. A refused
 * client gets the protocol's {@code refusal} as its greeting and is closed; on an implicit-TLS listener it is closed
 * without a word, as a plaintext reply would be garbage to a client that expects a TLS handshake. One instance per
 * listener, shared by its channels.
 */
@ChannelHandler.Sharable
public final class ConnectionLimiter extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimiter.class);

    private static final AttributeKey<InetAddress> COUNTED = AttributeKey.valueOf(ConnectionLimiter.class, "from");

    private final int maxTotal;
    private final int maxPerAddress;
    private final byte[] refusal;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<InetAddress, Integer> byAddress = new ConcurrentHashMap<>();

    /**
     * @param refusal the protocol's "too many connections" greeting, or null to close refused clients silently
     *                (implicit TLS)
     */
    public ConnectionLimiter(int maxTotal, int maxPerAddress, byte[] refusal) {
        if (maxTotal < 1 || maxPerAddress < 1) {
            throw new IllegalArgumentException("connection limits must be positive: " + maxTotal + ", " + maxPerAddress);
        }
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
        this.refusal = refusal == null ? null : refusal.clone();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        InetAddress from = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
        ctx.channel().attr(COUNTED).set(from);
        int total = open.incrementAndGet();
        int mine = byAddress.merge(from, 1, Integer::sum);
        if (total > maxTotal || mine > maxPerAddress) {
            LOG.info("Refused connection from {} to {}: {} open in total, {} from this address", from,
                    ctx.channel().localAddress(), total, mine);
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
        InetAddress from = ctx.channel().attr(COUNTED).getAndSet(null);
        if (from != null) {
            open.decrementAndGet();
            byAddress.computeIfPresent(from, (a, n) -> n == 1 ? null : n - 1);
        }
        ctx.fireChannelInactive();
    }

    /** Open client connections, refused ones included until they are closed (monitoring and tests). */
    public int openConnections() {
        return open.get();
    }
}
