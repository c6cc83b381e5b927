package io.serai.imap.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutorGroup;
import io.serai.imap.protocol.decode.FramerLimits;
import io.serai.imap.protocol.process.ImapConfig;
import io.serai.imap.protocol.process.ImapSession;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * A minimal plaintext IMAP listener: I/O loop for sockets, a session executor group for the protocol and the store
 * (framer and session handler share one executor per connection, so commands run in order off the I/O loop).
 * TLS is either implicit (RFC 8314 §3.3, TLS from the first byte) or offered through STARTTLS when an
 * {@link SSLContext} is given. No connection limits, idle timeout or back-pressure yet; see the README. All threads
 * end with {@link #close()}.
 */
public final class NettyImapServer implements AutoCloseable {

    private final ImapConfig config;
    private final FramerLimits limits;
    private final TlsStarter tls;
    private final boolean implicitTls;
    private EventLoopGroup acceptGroup;
    private EventLoopGroup ioGroup;
    private EventExecutorGroup sessionGroup;
    private Channel serverChannel;

    /**
     * @param limits      framing bounds once authenticated; before that {@link FramerLimits#PRE_AUTH} applies
     * @param sslContext  the server TLS context, or {@code null} for a plaintext-only listener
     * @param implicitTls whether TLS starts with the connection (993-style) instead of through STARTTLS
     */
    public NettyImapServer(ImapConfig config, FramerLimits limits, SSLContext sslContext, boolean implicitTls) {
        if (implicitTls && sslContext == null) {
            throw new IllegalArgumentException("implicit TLS needs an SSLContext");
        }
        this.config = config;
        this.limits = limits;
        this.tls = sslContext == null ? null : new TlsStarter(sslContext);
        this.implicitTls = implicitTls;
    }

    /** Binds and waits for the bind; returns the bound address (port 0 picks a free port). */
    public synchronized InetSocketAddress start(String host, int port) throws InterruptedException {
        acceptGroup = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("imap-accept"),
                NioIoHandler.newFactory());
        ioGroup = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("imap-io"), NioIoHandler.newFactory());
        sessionGroup = new DefaultEventExecutorGroup(4, new DefaultThreadFactory("imap-session"));
        serverChannel = new ServerBootstrap()
                .group(acceptGroup, ioGroup)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.AUTO_READ, false) // ImapFramerHandler reads one buffer at a time
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (implicitTls) {
                            ch.pipeline().addLast(TlsStarter.TLS, tls.newHandler());
                        }
                        ImapFramerHandler framer = new ImapFramerHandler(FramerLimits.PRE_AUTH, limits);
                        ch.pipeline().addLast(sessionGroup, "framer", framer);
                        ch.pipeline().addLast(sessionGroup, "session", new ImapSessionHandler(
                                () -> new ImapSession(config, implicitTls, tls != null), framer, tls));
                    }
                })
                .bind(host, port).sync().channel();
        return (InetSocketAddress) serverChannel.localAddress();
    }

    @Override
    public synchronized void close() {
        if (serverChannel == null) {
            return;
        }
        serverChannel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        acceptGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        ioGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        sessionGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        serverChannel = null;
    }
}
