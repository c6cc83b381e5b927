package io.serai.camel.listener;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/**
 * Runs one listener while its route runs: bound when the route starts, closed when it stops. A subclass creates
 * the protocol's server; the bound address is published on the {@link ListenerEndpoint}.
 */
public abstract class ListenerConsumer<E extends ListenerEndpoint> extends DefaultConsumer {

    /** A protocol server as this consumer drives it. */
    protected interface Listener {
        /** Starts binding; completes with the bound address (the real port when configured with 0). */
        CompletionStage<InetSocketAddress> start();

        /** Stops the listener and its sessions, and waits for that. */
        void close();

        static Listener of(Supplier<CompletionStage<InetSocketAddress>> start, Runnable close) {
            return new Listener() {
                @Override
                public CompletionStage<InetSocketAddress> start() {
                    return start.get();
                }

                @Override
                public void close() {
                    close.run();
                }
            };
        }
    }

    private final E endpoint;
    private Listener listener;

    protected ListenerConsumer(E endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    /** The endpoint with its options, typed. */
    protected E listenerEndpoint() {
        return endpoint;
    }

    /** The protocol's server for the endpoint's options, not yet started. */
    protected abstract Listener createListener();

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        listener = createListener();
        // fail the route's start when the port cannot be bound, rather than run a route with no listener
        endpoint.bound(listener.start().toCompletableFuture().join());
    }

    @Override
    protected void doStop() throws Exception {
        if (listener != null) {
            listener.close();
            listener = null;
        }
        endpoint.bound(null);
        super.doStop();
    }
}
