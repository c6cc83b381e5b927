package io.serai.camel.imapidle.internal;

import java.util.Properties;

import javax.net.ssl.SSLContext;

import io.serai.camel.imapidle.ImapIdleConfiguration;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import org.apache.camel.CamelContext;
import org.eclipse.angus.mail.imap.IMAPSSLStore;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * Builds the Jakarta Mail session for one endpoint and opens a logged-in {@link IMAPStore}. The store is created
 * directly rather than through {@code Session.getStore}, so no provider look-up (and no thread context class loader)
 * is involved inside OSGi.
 */
public final class ImapConnector {

    private final ImapIdleConfiguration configuration;
    private final Session session;
    private final String protocol;

    public ImapConnector(ImapIdleConfiguration configuration, CamelContext camelContext) throws Exception {
        this.configuration = configuration;
        this.protocol = configuration.isSsl() ? "imaps" : "imap";
        this.session = Session.getInstance(properties(configuration, protocol, sslContext(configuration, camelContext)));
    }

    static SSLContext sslContext(ImapIdleConfiguration configuration, CamelContext camelContext) throws Exception {
        if (configuration.getSslContextParameters() != null) {
            return configuration.getSslContextParameters().createSSLContext(camelContext);
        }
        return configuration.getSslContext();
    }

    static Properties properties(ImapIdleConfiguration configuration, String protocol, SSLContext sslContext) {
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.setProperty(p + "host", configuration.getHost());
        props.setProperty(p + "port", Integer.toString(configuration.effectivePort()));
        props.setProperty(p + "connectiontimeout", Long.toString(configuration.getConnectTimeout()));
        props.setProperty(p + "timeout", Long.toString(configuration.effectiveReadTimeout()));
        props.setProperty(p + "peek", Boolean.toString(configuration.isPeek()));
        // the whole message is wanted as bytes: one FETCH instead of 16 KiB slices
        props.setProperty(p + "partialfetch", "false");
        if (configuration.isStartTls()) {
            props.setProperty(p + "starttls.enable", "true");
            // without required, a stripped STARTTLS capability would silently send the password in clear text
            props.setProperty(p + "starttls.required", "true");
        }
        if (sslContext != null) {
            // used for implicit TLS and for the STARTTLS upgrade alike
            props.put(p + "ssl.socketFactory", sslContext.getSocketFactory());
        }
        if (configuration.isSsl() || configuration.isStartTls()) {
            props.setProperty(p + "ssl.checkserveridentity", Boolean.toString(configuration.isCheckServerIdentity()));
        }
        if (configuration.getTokenSupplier() != null) {
            // Angus sends AUTHENTICATE XOAUTH2 with the "password" as the bearer token (and SASL-IR when offered)
            props.setProperty(p + "auth.mechanisms", "XOAUTH2");
        }
        return props;
    }

    /** Connects and logs in; the caller closes the store. */
    public IMAPStore connect() throws Exception {
        URLName url = new URLName(protocol, configuration.getHost(), configuration.effectivePort(), null,
                configuration.getUsername(), null);
        IMAPStore store = configuration.isSsl() ? new IMAPSSLStore(session, url) : new IMAPStore(session, url);
        String secret = configuration.getTokenSupplier() != null
                ? configuration.getTokenSupplier().accessToken(configuration.getUsername())
                : configuration.getPassword();
        try {
            store.connect(configuration.getHost(), configuration.effectivePort(), configuration.getUsername(), secret);
        } catch (MessagingException e) {
            closeQuietly(store);
            throw e;
        }
        return store;
    }

    static void closeQuietly(IMAPStore store) {
        try {
            store.close();
        } catch (MessagingException | RuntimeException ignored) {
            // closing a broken connection: nothing left to do
        }
    }
}
