package io.serai.imap.transport;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.EventExecutorGroup;
import io.serai.imap.api.ImapServerConfig;
import io.serai.imap.api.Limits;
import io.serai.imap.api.TlsMode;
import io.serai.imap.protocol.decode.FramerLimits;
import io.serai.imap.protocol.literal.LiteralSpool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.serai.imap.protocol.process.ImapConfig;
import io.serai.imap.protocol.process.ImapSession;
import io.serai.netty.listener.ConnectionLimiter;
import io.serai.netty.listener.PipelineTracker;
import io.serai.netty.listener.SpoolLeftovers;
import io.serai.sasl.CredentialStore;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline of one connection, one job per handler:
 * <pre>
 *   tracker → limits → [tls] → idle (I/O loop) → terminator → framer → session (session executor)
 * </pre>
 * Terminator, framer and session handler share one executor of the session group, so the protocol and its store
 * calls run in order on one thread per connection, off the I/O loop. STARTTLS inserts {@code tls} first.
 */
final class ImapChannelInitializer extends ChannelInitializer<SocketChannel> {

    private static final Logger LOG = LoggerFactory.getLogger(ImapChannelInitializer.class);

    private final ImapServerConfig config;
    private final CredentialStore credentials;
    private final ConnectionLimiter limiter;
    private final UserConnections users;
    private final LoginThrottle throttle;
    private final EventExecutorGroup sessionGroup;
    private final TlsStarter tls;
    private final PipelineTracker tracker;
    private final ChannelGroup channels;
    /**
     * The longest command line before login. Room for the largest ID command RFC 2971 §3.3 allows (30 fields of up
     * to 30 octets with values of up to 1,024, quoted: about 32 KiB), which clients send before they log in.
     */
    static final int PRE_AUTH_LINE = 36 * 1024;
    private final FramerLimits preAuth;
    private final FramerLimits authenticated;
    private final LiteralSpool spool;

    ImapChannelInitializer(ImapServerConfig config, CredentialStore credentials, ConnectionLimiter limiter,
                           UserConnections users, LoginThrottle throttle, EventExecutorGroup sessionGroup,
                           TlsStarter tls, PipelineTracker tracker, ChannelGroup channels) {
        this.channels = channels;
        this.config = config;
        this.credentials = credentials;
        this.limiter = limiter;
        this.users = users;
        this.throttle = throttle;
        this.sessionGroup = sessionGroup;
        this.tls = tls;
        this.tracker = tracker;
        Limits limits = config.limits();
        // LOGIN has two literals; a command is its line plus its literals. LITERAL+ (RFC 7888 §3): a
        // non-synchronizing literal may be as large as a synchronizing one
        int preAuthLine = Math.min(limits.maxLineLength(), PRE_AUTH_LINE);
        this.preAuth = new FramerLimits(preAuthLine, limits.maxLiteralSizePreAuth(),
                preAuthLine + 2 * limits.maxLiteralSizePreAuth(),
                limits.maxLiteralSizePreAuth());
        this.authenticated = new FramerLimits(limits.maxLineLength(), limits.maxLiteralSize(),
                limits.maxLiteralSize() + limits.maxLineLength(), limits.maxLiteralSize());
        this.spool = new LiteralSpool(limits.spoolThreshold(), config.spoolDirectory());
        SpoolLeftovers.deleteFromEarlierRuns(config.spoolDirectory(), LiteralSpool.FILE_GLOB);
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        Limits limits = config.limits();
        boolean implicit = config.tlsMode() == TlsMode.IMPLICIT;
        channels.add(channel); // for the BYE at shutdown
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("tracker", tracker);
        pipeline.addLast("limits", limiter);
        if (implicit) {
            pipeline.addLast(TlsStarter.TLS, tls.newHandler()); // RFC 8314 §3.3: TLS from the first byte
        }
        // RFC 9051 §5.4 autologout: no traffic either way for the configured time
        pipeline.addLast("idle", new IdleStateHandler(0, 0, limits.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
        AttemptedUser attempted = new AttemptedUser(credentials);
        // one timer for both: a client in IDLE re-issues it within 29 minutes (RFC 2177 §3), others must talk
        // a client on a trusted network (loopback by default) is treated like one on TLS for clear-text logins
        boolean plaintextOk = config.allowPlaintextAuth() || config.trustedNetworks().contains(channel.remoteAddress());
        ImapConfig sessionConfig = new ImapConfig(config.store(), attempted, plaintextOk,
                config.appendLimit(), config.serverName(), limits.maxBadCommands())
                .withIdleTimeout(limits.idleTimeout());
        LoginGuard guard = new LoginGuard(throttle, users, remoteAddress(channel), attempted);
        ImapFramerHandler framer = new ImapFramerHandler(preAuth, authenticated,
                new CommandPacer(limits.commandsPerSecond(), limits.commandBurst(), System::nanoTime), spool);
        ImapSessionHandler sessionHandler = new ImapSessionHandler(
                () -> new ImapSession(sessionConfig, implicit, config.tlsMode() == TlsMode.STARTTLS),
                framer, config.tlsMode() == TlsMode.STARTTLS ? tls : null, guard);
        // the terminator and the session handler share the connection's session executor
        pipeline.addLast(sessionGroup, "terminator", new SessionTerminator(sessionHandler::idlingOrClosed));
        pipeline.addLast(sessionGroup, "framer", framer);
        pipeline.addLast(sessionGroup, "session", sessionHandler);
    }

    private static java.net.InetAddress remoteAddress(SocketChannel channel) {
        InetSocketAddress remote = channel.remoteAddress();
        return remote == null ? java.net.InetAddress.getLoopbackAddress() : remote.getAddress();
    }
}
