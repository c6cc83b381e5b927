package io.serai.imap.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps open connections per listener and per client address, on the I/O loop before any session exists. A refused
 * client gets {@code * BYE} as its greeting (RFC 9051 §7.1.5 allows BYE instead of the greeting) and is closed;
 * on an implicit-TLS listener it is closed without a word, as a reply would first cost a TLS handshake.
 */
@ChannelHandler.Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {

    static final byte[] REFUSAL = "* BYE Too many connections, try again later\r\n".getBytes(StandardCharsets.US_ASCII);

    private static final AttributeKey<InetAddress> COUNTED = AttributeKey.valueOf(ConnectionLimiter.class, "from");

    private final int maxTotal;
    private final int maxPerAddress;
    private final boolean silent;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<InetAddress, Integer> byAddress = new ConcurrentHashMap<>();

    /** @param silent close refused clients without a reply (implicit TLS) */
    ConnectionLimiter(int maxTotal, int maxPerAddress, boolean silent) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
        this.silent = silent;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        InetAddress from = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
        ctx.channel().attr(COUNTED).set(from);
        int total = open.incrementAndGet();
        int mine = byAddress.merge(from, 1, Integer::sum);
        if (total > maxTotal || mine > maxPerAddress) {
            if (silent) {
                ctx.close();
            } else {
                ctx.writeAndFlush(Unpooled.wrappedBuffer(REFUSAL)).addListener(ChannelFutureListener.CLOSE);
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

    int openConnections() {
        return open.get();
    }
}
