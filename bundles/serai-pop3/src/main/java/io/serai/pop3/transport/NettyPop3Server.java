package io.serai.pop3.transport;

import io.serai.netty.listener.ConnectionLimiter;
import io.serai.netty.listener.ListenerServer;
import io.serai.netty.listener.NettyListener;
import io.serai.pop3.api.Pop3Server;
import io.serai.pop3.api.Pop3ServerConfig;
import io.serai.pop3.protocol.Pop3Session;
import io.serai.pop3.protocol.Replies;
import io.serai.pop3.protocol.StoreCredentials;
import io.serai.sasl.CredentialStore;
import io.serai.sasl.SaslMechanisms;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletionStage;

/**
 * The Netty implementation of {@link Pop3Server}: the POP3 pipeline on a {@link NettyListener} (an accept thread, I/O
 * loop threads for sockets and TLS, and the session group of {@code sessionThreads} for the protocol and the store).
 * All threads belong to this server and end with {@link #stop()}; there is no static state.
 */
public final class NettyPop3Server extends ListenerServer implements Pop3Server {

    private final Pop3ServerConfig config;

    public NettyPop3Server(Pop3ServerConfig config) {
        super("pop3", Pop3SessionHandler.SHUTDOWN);
        this.config = config;
    }

    @Override
    protected int sessionThreads() {
        return config.sessionThreads();
    }

    @Override
    protected CompletionStage<InetSocketAddress> bind(NettyListener listener) {
        // RFC 2449 §8.1.2 has no code for "too busy"; SYS/TEMP tells the client to try again later
        ConnectionLimiter limiter = listener.limitConnections(config.limits().maxConnections(),
                config.limits().maxConnectionsPerIp(),
                config.implicitTls() ? null : Replies.err(Replies.SYS_TEMP, "too many connections"));
        CredentialStore credentials = config.credentials()
                .orElseGet(() -> new StoreCredentials(config.store().accounts()));
        SaslMechanisms sasl = new SaslMechanisms(credentials);
        TlsStarter tls = config.sslContext().map(TlsStarter::new).orElse(new TlsStarter(null));
        Pop3ChannelInitializer initializer = new Pop3ChannelInitializer(config, limiter, listener.sessionGroup(), ch -> {
            listener.channels().add(ch);
            return new Pop3Session(config, ch.remoteAddress(), config.implicitTls(), sasl, credentials);
        }, tls, listener.pipelines());
        return listener.bind(listener.bootstrap(128).childHandler(initializer), config.bindHost(), config.port(),
                "POP3");
    }
}
