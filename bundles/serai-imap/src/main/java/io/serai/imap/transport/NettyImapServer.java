package io.serai.imap.transport;

import io.netty.channel.ChannelOption;
import io.serai.imap.api.ImapServer;
import io.serai.imap.api.ImapServerConfig;
import io.serai.imap.api.Limits;
import io.serai.imap.api.TlsMode;
import io.serai.imap.protocol.decode.FramerLimits;
import io.serai.imap.protocol.process.AccountCredentials;
import io.serai.imap.protocol.process.ImapConfig;
import io.serai.netty.listener.ConnectionLimiter;
import io.serai.netty.listener.ListenerServer;
import io.serai.netty.listener.NettyListener;
import io.serai.sasl.CredentialStore;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import javax.net.ssl.SSLContext;

/**
 * The Netty implementation of {@link ImapServer}: the IMAP pipeline on a {@link NettyListener} (an accept thread, I/O
 * loop threads for sockets and TLS, and the session group of {@code sessionThreads} for the protocol and the store).
 * All threads belong to this server and end with {@link #stop()}; there is no static state.
 */
public final class NettyImapServer extends ListenerServer implements ImapServer {

    /**
     * A refused client gets {@code * BYE} as its greeting (RFC 9051 §7.1.5 allows BYE instead of the greeting);
     * on an implicit-TLS listener it is closed without a word, as a reply would first cost a TLS handshake.
     */
    private static final byte[] REFUSAL =
            "* BYE Too many connections, try again later\r\n".getBytes(StandardCharsets.US_ASCII);

    private ImapServerConfig config;
    private ImapServerConfig.Builder legacy;

    public NettyImapServer(ImapServerConfig config) {
        super("imap", SessionTerminator.SHUTDOWN);
        this.config = config;
    }

    /**
     * The constructor of the transport before {@code io.serai.imap.api} existed, kept for the tests written
     * against it; bind with {@link #start(String, int)}. Use {@link ImapServer#create} instead.
     */
    @Deprecated
    public NettyImapServer(ImapConfig session, FramerLimits limits, SSLContext sslContext, boolean implicitTls) {
        super("imap", SessionTerminator.SHUTDOWN);
        this.legacy = ImapServerConfig.builder()
                .store(session.store())
                .credentials(session.credentials())
                .allowPlaintextAuth(session.allowPlaintextAuth())
                .trustedNetworks(io.serai.sasl.TrustedNetworks.NONE) // as before trustedNetworks existed
                .appendLimit(session.appendLimit())
                .serverName(session.serverName())
                .tls(sslContext == null ? TlsMode.NONE : implicitTls ? TlsMode.IMPLICIT : TlsMode.STARTTLS, sslContext)
                .limits(Limits.defaults().withMaxBadCommands(session.maxBadCommands())
                        .withIdleTimeout(session.idleTimeout())
                        .withMaxLineLength(limits.maxLineLength())
                        .withLiteralSizes(FramerLimits.PRE_AUTH.maxLiteralSize(),
                                Math.max(limits.maxLiteralSize(), session.appendLimit())));
    }

    /** Binds {@code host:port} and waits for it; only for servers made with the deprecated constructor. */
    @Deprecated
    public InetSocketAddress start(String host, int port) throws InterruptedException {
        synchronized (this) {
            config = legacy.bind(host, port).build();
        }
        return start().toCompletableFuture().join();
    }

    @Override
    protected int sessionThreads() {
        return config.sessionThreads();
    }

    @Override
    protected CompletionStage<InetSocketAddress> bind(NettyListener listener) { // under the lock of start()
        Limits limits = config.limits();
        ConnectionLimiter limiter = listener.limitConnections(limits.maxConnections(), limits.maxConnectionsPerIp(),
                config.tlsMode() == TlsMode.IMPLICIT ? null : REFUSAL);
        CredentialStore credentials = config.credentials()
                .orElseGet(() -> new AccountCredentials(config.store().accounts()));
        TlsStarter tls = config.sslContext().map(TlsStarter::new).orElse(null);
        ImapChannelInitializer initializer = new ImapChannelInitializer(config, credentials, limiter,
                new UserConnections(limits.maxConnectionsPerUser()),
                new LoginThrottle(limits.authFailureDelay(), limits.maxAuthFailureDelay(), System::nanoTime),
                listener.sessionGroup(), tls, listener.pipelines(), listener.channels());
        return listener.bind(listener.bootstrap(1024)
                        .childOption(ChannelOption.AUTO_READ, false) // ImapFramerHandler reads one buffer at a time
                        .childHandler(initializer),
                config.bindHost(), config.port(), "IMAP " + config.tlsMode());
    }
}
