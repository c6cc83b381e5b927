package io.serai.camel.imapd.internal;

import io.serai.camel.imapd.ImapdEndpoint;
import io.serai.camel.listener.ListenerConsumer;
import io.serai.imap.api.ImapServer;
import org.apache.camel.Processor;

/**
 * Runs the IMAP listener while the route runs. The IMAP server has no events to report yet, so the route receives
 * no exchanges; it owns the listener's lifecycle (start with the route, BYE to the sessions when it stops).
 */
public final class ImapdConsumer extends ListenerConsumer<ImapdEndpoint> {

    public ImapdConsumer(ImapdEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected Listener createListener() {
        ImapServer server = ImapServer.create(listenerEndpoint().serverConfig());
        return Listener.of(server::start, server::close);
    }
}
