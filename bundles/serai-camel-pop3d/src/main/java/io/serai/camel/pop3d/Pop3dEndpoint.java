package io.serai.camel.pop3d;

import java.net.InetSocketAddress;

import javax.net.ssl.SSLContext;

import io.serai.camel.pop3d.internal.Pop3dConsumer;
import io.serai.pop3.api.MaildropLocks;
import io.serai.sasl.CredentialStore;
import io.serai.store.api.MailStore;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * A POP3 listener that runs while its route runs, serving the INBOX of the store's accounts; the route gets one
 * exchange per message retrieved or deleted, after the fact, in order. The POP3 replies never wait for the route.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "pop3d", title = "POP3 server", syntax = "pop3d:host:port",
        consumerOnly = true, category = {Category.MAIL}, headersClass = Pop3dConstants.class)
public class Pop3dEndpoint extends DefaultEndpoint {

    @UriPath(description = "Address to listen on") @Metadata(required = true)
    private final String host;
    @UriPath(description = "Port to listen on; 0 picks a free one") @Metadata(required = true)
    private final int port;
    @UriParam(description = "The mailbox store whose accounts are served") @Metadata(required = true)
    private MailStore store;
    @UriParam(label = "security", description = "SASL credentials; when unset, passwords are checked by the store")
    private CredentialStore credentialStore;
    @UriParam(label = "security", description = "TLS for STLS, or for the whole connection with implicitTls")
    private SSLContext sslContext;
    @UriParam(label = "security", description = "TLS from the first byte (port 995 style)")
    private boolean implicitTls;
    @UriParam(label = "security", description = "Allow USER/PASS and AUTH without TLS (tests only)")
    private boolean userWithoutTls;
    @UriParam(description = "Maildrop locks shared with other listeners, so a user is locked across all of them")
    private MaildropLocks locks;
    @UriParam(defaultValue = "localhost", description = "Host name in the greeting")
    private String hostname = "localhost";

    private volatile InetSocketAddress localAddress;

    public Pop3dEndpoint(String uri, Pop3dComponent component, String host, int port) {
        super(uri, component);
        this.host = host;
        this.port = port;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("pop3d: is consumer only; read mail with camel-mail's pop3: endpoint");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (store == null) {
            throw new IllegalArgumentException("pop3d: needs a store, e.g. store=#mailStore");
        }
        Pop3dConsumer consumer = new Pop3dConsumer(this, processor, address -> localAddress = address);
        configureConsumer(consumer);
        return consumer;
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

    public SSLContext getSslContext() {
        return sslContext;
    }

    public void setSslContext(SSLContext sslContext) {
        this.sslContext = sslContext;
    }

    public boolean isImplicitTls() {
        return implicitTls;
    }

    public void setImplicitTls(boolean implicitTls) {
        this.implicitTls = implicitTls;
    }

    public boolean isUserWithoutTls() {
        return userWithoutTls;
    }

    public void setUserWithoutTls(boolean userWithoutTls) {
        this.userWithoutTls = userWithoutTls;
    }

    public MaildropLocks getLocks() {
        return locks;
    }

    public void setLocks(MaildropLocks locks) {
        this.locks = locks;
    }

    public String getHostname() {
        return hostname;
    }

    public void setHostname(String hostname) {
        this.hostname = hostname;
    }
}
