package io.serai.pop3.transport;

import io.serai.netty.listener.ConnectionLimiter;
import io.serai.netty.listener.NettyListener;
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

/**
 * The Netty implementation of {@link Pop3Server}: a {@link NettyListener} (an accept thread, I/O loop threads for
 * sockets and TLS, and the session group of {@code sessionThreads} for the protocol and the store) running the
 * POP3 pipeline. All threads belong to this server and end with {@link #stop()}; there is no static state.
 */
public final class NettyPop3Server implements Pop3Server {

    private final Pop3ServerConfig config;
    private volatile NettyListener listener;
    private ConnectionLimiter limiter;

    public NettyPop3Server(Pop3ServerConfig config) {
        this.config = config;
    }

    @Override
    public synchronized CompletionStage<InetSocketAddress> start() {
        if (listener != null) {
            throw new IllegalStateException("already started");
        }
        listener = new NettyListener("pop3", config.sessionThreads());
        // RFC 2449 §8.1.2 has no code for "too busy"; SYS/TEMP tells the client to try again later
        limiter = new ConnectionLimiter(config.limits().maxConnections(), config.limits().maxConnectionsPerIp(),
                config.implicitTls() ? null : Replies.err(Replies.SYS_TEMP, "too many connections"));
        CredentialStore credentials = config.credentials()
                .orElseGet(() -> new StoreCredentials(config.store().accounts()));
        SaslMechanisms sasl = new SaslMechanisms(credentials);
        TlsStarter tls = config.sslContext().map(TlsStarter::new).orElse(new TlsStarter(null));
        NettyListener running = listener;
        Pop3ChannelInitializer initializer = new Pop3ChannelInitializer(config, limiter, running.sessionGroup(), ch -> {
            running.channels().add(ch);
            return new Pop3Session(config, ch.remoteAddress(), config.implicitTls(), sasl, credentials);
        }, tls, running.pipelines());
        return listener.bind(listener.bootstrap(128).childHandler(initializer), config.bindHost(), config.port(),
                "POP3");
    }

    @Override
    public InetSocketAddress localAddress() {
        NettyListener running = listener;
        if (running == null) {
            throw new IllegalStateException("not bound");
        }
        return running.localAddress();
    }

    /** Open client connections (monitoring and tests). */
    public int openConnections() {
        return limiter == null ? 0 : limiter.openConnections();
    }

    @Override
    public synchronized CompletionStage<Void> stop() {
        if (listener == null) {
            return CompletableFuture.completedFuture(null);
        }
        CompletionStage<Void> done = listener.stop(Pop3SessionHandler.SHUTDOWN);
        listener = null;
        return done;
    }

    @Override
    public void close() {
        stop().toCompletableFuture().join();
    }
}
