package io.serai.imap.api;

import io.serai.imap.transport.NettyImapServer;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletionStage;

/**
 * One IMAP listener. {@link #start()} binds without blocking the caller (an OSGi {@code @Activate} must not wait
 * on a socket); {@link #stop()} says {@code * BYE Server shutting down} to every open session (RFC 9051 §7.1.5),
 * closes them and releases the threads.
 */
public interface ImapServer extends AutoCloseable {

    /** A server for {@code config}; nothing is bound until {@link #start()}. */
    static ImapServer create(ImapServerConfig config) {
        return new NettyImapServer(config);
    }

    /** Binds the listener; the stage completes with the bound address (the real port when configured with 0). */
    CompletionStage<InetSocketAddress> start();

    /** The bound address; {@link IllegalStateException} before the listener is bound. */
    InetSocketAddress localAddress();

    /** Open client connections (monitoring and tests). */
    int openConnections();

    /** Stops accepting, says BYE to open sessions and closes them; the stage completes when all threads ended. */
    CompletionStage<Void> stop();

    /** {@link #stop()} and wait for it. */
    @Override
    void close();
}
