package io.serai.pop3.api;

import io.serai.pop3.transport.NettyPop3Server;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletionStage;

/**
 * One POP3 listener. {@link #start()} binds without blocking the caller (an OSGi {@code @Activate} must not wait
 * on a socket); {@link #stop()} closes the listener and its sessions. A stopped session never enters the UPDATE
 * state, so stopping deletes nothing (RFC 1939 §6).
 */
public interface Pop3Server extends AutoCloseable {

    /** A server for {@code config}; nothing is bound until {@link #start()}. */
    static Pop3Server create(Pop3ServerConfig config) {
        return new NettyPop3Server(config);
    }

    /** Binds the listener; the stage completes with the bound address (the real port when configured with 0). */
    CompletionStage<InetSocketAddress> start();

    /** The bound address; {@link IllegalStateException} before the listener is bound. */
    InetSocketAddress localAddress();

    /** Stops accepting, closes open sessions and releases the threads; the stage completes when done. */
    CompletionStage<Void> stop();

    /** {@link #stop()} and wait for it. */
    @Override
    void close();
}
