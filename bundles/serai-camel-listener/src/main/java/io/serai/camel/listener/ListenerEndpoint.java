package io.serai.camel.listener;

import java.net.InetSocketAddress;

import io.serai.sasl.CredentialStore;
import io.serai.store.api.MailStore;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * A server endpoint ({@code scheme:host:port}) whose consumer runs a listener over a mailbox store. The options
 * every such listener has live here; the protocol's own options live in the subclass. Consumer only: the client
 * side of the protocol is camel-mail's.
 */
public abstract class ListenerEndpoint extends DefaultEndpoint {

    @UriPath(description = "Address to listen on") @Metadata(required = true)
    private final String host;
    @UriPath(description = "Port to listen on; 0 picks a free one") @Metadata(required = true)
    private final int port;
    @UriParam(description = "The mailbox store whose accounts are served") @Metadata(required = true)
    private MailStore store;
    @UriParam(label = "security", description = "SASL credentials; when unset, passwords are checked by the store")
    private CredentialStore credentialStore;

    private final String clientScheme;
    private volatile InetSocketAddress localAddress;

    /**
     * @param clientScheme camel-mail's scheme for the client side of the protocol, named when a producer is asked
     *                     for
     */
    protected ListenerEndpoint(String uri, Component component, String host, int port, String clientScheme) {
        super(uri, component);
        this.host = host;
        this.port = port;
        this.clientScheme = clientScheme;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException(scheme() + ": is consumer only; read mail with camel-mail's "
                + clientScheme + ": endpoint");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        requireStore();
        ListenerConsumer<?> consumer = newConsumer(processor);
        configureConsumer(consumer);
        return consumer;
    }

    /**
     * The protocol's consumer. Checks the protocol's options first, so that a bad one fails the route's start
     * rather than the first connection.
     */
    protected abstract ListenerConsumer<?> newConsumer(Processor processor);

    /** The store, or an {@link IllegalArgumentException} naming the option, so a route fails when it starts. */
    protected MailStore requireStore() {
        if (store == null) {
            throw new IllegalArgumentException(scheme() + ": needs a store, e.g. store=#seraiStore");
        }
        return store;
    }

    private String scheme() {
        String uri = getEndpointUri();
        return uri.substring(0, uri.indexOf(':'));
    }

    /** Set by {@link ListenerConsumer} when the listener is bound, and cleared when it closes. */
    void bound(InetSocketAddress address) {
        localAddress = address;
    }

    /** The bound address while a consumer runs (the real port when configured with 0), else null. */
    public InetSocketAddress getLocalAddress() {
        return localAddress;
    }

    public String getHost() {
        return host;
    }

    public int getPort() {
        return port;
    }

    public MailStore getStore() {
        return store;
    }

    public void setStore(MailStore store) {
        this.store = store;
    }

    public CredentialStore getCredentialStore() {
        return credentialStore;
    }

    public void setCredentialStore(CredentialStore credentialStore) {
        this.credentialStore = credentialStore;
    }
}
