package io.serai.netty.listener;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The start/stop life of a server that is one listener: each {@link #start()} makes a fresh {@link NettyListener}
 * (Netty threads cannot be restarted) and lets the protocol {@link #bind} its pipeline on it; {@link #stop()} ends
 * it. A protocol server extends this and implements only {@link #sessionThreads()} and {@link #bind} (and
 * {@link #releaseAfterStop()} if it owns more threads); its public API interface is satisfied by the methods here.
 */
public abstract class ListenerServer implements AutoCloseable {

    private final String protocol;
    private final Object shutdownEvent;
    private volatile NettyListener listener;

    /**
     * @param protocol      the prefix of the thread names, e.g. {@code pop3}
     * @param shutdownEvent fired through every client pipeline on {@link #stop()}, so the session says goodbye
     */
    protected ListenerServer(String protocol, Object shutdownEvent) {
        this.protocol = protocol;
        this.shutdownEvent = shutdownEvent;
    }

    /** How many threads the session group of the next start gets. */
    protected abstract int sessionThreads();

    /**
     * Builds the protocol's pipeline on {@code listener} and binds it with {@link NettyListener#bind}. Runs under
     * this server's lock.
     */
    protected abstract CompletionStage<InetSocketAddress> bind(NettyListener listener);

    /**
     * Called under this server's lock as {@link #stop()} begins; the returned task runs once the listener's threads
     * have ended, to end what the protocol owns itself. It is taken now, not then, as the server may be started
     * again before then.
     */
    protected Runnable releaseAfterStop() {
        return () -> { };
    }

    /** Binds without blocking; the stage completes with the bound address or the bind failure. */
    public final synchronized CompletionStage<InetSocketAddress> start() {
        if (listener != null) {
            throw new IllegalStateException("already started");
        }
        NettyListener fresh = new NettyListener(protocol, sessionThreads());
        listener = fresh;
        return bind(fresh);
    }

    /** The bound address; throws while not started or not (yet) bound. */
    public final InetSocketAddress localAddress() {
        NettyListener running = listener;
        if (running == null) {
            throw new IllegalStateException("not bound");
        }
        return running.localAddress();
    }

    /** Open client connections (monitoring and tests); 0 while stopped. */
    public final int openConnections() {
        NettyListener running = listener;
        return running == null ? 0 : running.openConnections();
    }

    /** See {@link NettyListener#stop(Object)}; a stopped server may be started again. */
    public final synchronized CompletionStage<Void> stop() {
        NettyListener running = listener;
        if (running == null) {
            return CompletableFuture.completedFuture(null);
        }
        CompletionStage<Void> done = running.stop(shutdownEvent).thenRun(releaseAfterStop());
        listener = null;
        return done;
    }

    /** Stops and waits for the threads to end. */
    @Override
    public final void close() {
        stop().toCompletableFuture().join();
    }
}
