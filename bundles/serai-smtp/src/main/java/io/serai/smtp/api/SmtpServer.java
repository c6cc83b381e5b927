package io.serai.smtp.api;

import io.serai.smtp.transport.NettySmtpServer;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletionStage;

/**
 * One SMTP listener. {@link #start()} binds asynchronously, so an OSGi {@code @Activate} method does not block on
 * the socket; {@link #stop()} closes the listener and its sessions.
 */
public interface SmtpServer extends AutoCloseable {

    /** A server for {@code config}; nothing is bound until {@link #start()}. */
    static SmtpServer create(SmtpServerConfig config) {
        return new NettySmtpServer(config);
    }

    /** Binds the listener; the stage completes with the bound address (useful with port 0). */
    CompletionStage<InetSocketAddress> start();

    /** The bound address; throws {@link IllegalStateException} before the listener is bound. */
    InetSocketAddress localAddress();

    /** Stops accepting, closes open sessions and releases the threads; the stage completes when done. */
    CompletionStage<Void> stop();

    /** {@link #stop()} and wait for it. */
    @Override
    void close();
}
