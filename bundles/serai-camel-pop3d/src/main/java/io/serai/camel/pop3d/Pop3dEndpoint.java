package io.serai.camel.pop3d;

import javax.net.ssl.SSLContext;

import io.serai.camel.listener.ListenerConsumer;
import io.serai.camel.listener.ListenerEndpoint;
import io.serai.camel.pop3d.internal.Pop3dConsumer;
import io.serai.pop3.api.MaildropLocks;
import io.serai.sasl.TrustedNetworks;
import org.apache.camel.Category;
import org.apache.camel.Processor;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;

/**
 * A POP3 listener that runs while its route runs, serving the INBOX of the store's accounts; the route gets one
 * exchange per message retrieved or deleted, after the fact, in order. The POP3 replies never wait for the route.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "pop3d", title = "POP3 server", syntax = "pop3d:host:port",
        consumerOnly = true, category = {Category.MAIL}, headersClass = Pop3dConstants.class)
public class Pop3dEndpoint extends ListenerEndpoint {

    // host, port, store and credentialStore: ListenerEndpoint
    @UriParam(label = "security", description = "TLS for STLS, or for the whole connection with implicitTls")
    private SSLContext sslContext;
    @UriParam(label = "security", description = "TLS from the first byte (port 995 style)")
    private boolean implicitTls;
    @UriParam(label = "security", description = "Allow USER/PASS and AUTH without TLS (tests only)")
    private boolean userWithoutTls;
    @UriParam(label = "security", defaultValue = TrustedNetworks.LOOPBACK_SPEC, description = "Client networks (addresses and CIDR blocks, comma-separated; none for none) whose connections count as secure: USER/PASS and AUTH PLAIN/LOGIN work there without TLS")
    private String trustedNetworks = TrustedNetworks.LOOPBACK_SPEC;
    @UriParam(description = "Maildrop locks shared with other listeners, so a user is locked across all of them")
    private MaildropLocks locks;
    @UriParam(defaultValue = "localhost", description = "Host name in the greeting")
    private String hostname = "localhost";

    public Pop3dEndpoint(String uri, Pop3dComponent component, String host, int port) {
        super(uri, component, host, port, "pop3");
    }

    @Override
    protected ListenerConsumer<?> newConsumer(Processor processor) {
        return new Pop3dConsumer(this, processor);
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

    public String getTrustedNetworks() {
        return trustedNetworks;
    }

    public void setTrustedNetworks(String trustedNetworks) {
        this.trustedNetworks = trustedNetworks;
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
