package io.serai.camel.imapd.internal;

import io.serai.camel.imapd.ImapdEndpoint;
import io.serai.imap.api.ImapServer;
import java.net.InetSocketAddress;
import java.util.function.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/**
 * Runs the IMAP listener while the route runs. The IMAP server has no events to report yet, so the route receives
 * no exchanges; it owns the listener's lifecycle (start with the route, BYE to the sessions when it stops).
 */
public final class ImapdConsumer extends DefaultConsumer {

    private final ImapdEndpoint endpoint;
    private final Consumer<InetSocketAddress> boundAddress;
    private ImapServer server;

    public ImapdConsumer(ImapdEndpoint endpoint, Processor processor, Consumer<InetSocketAddress> boundAddress) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.boundAddress = boundAddress;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        server = ImapServer.create(endpoint.serverConfig());
        // fail the route's start when the port cannot be bound, rather than run a route with no listener
        boundAddress.accept(server.start().toCompletableFuture().join());
    }

    @Override
    protected void doStop() throws Exception {
        if (server != null) {
            server.close();
            server = null;
        }
        boundAddress.accept(null);
        super.doStop();
    }
}
