package io.serai.pop3.api;

import io.serai.sasl.CredentialStore;
import io.serai.sasl.TrustedNetworks;
import io.serai.store.api.MailStore;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The immutable configuration of one POP3 listener. Build with {@link #builder()}; only the {@link MailStore} is
 * required. Without a {@link CredentialStore} the store's own accounts check passwords.
 */
public final class Pop3ServerConfig {

    private final String bindHost;
    private final int port;
    private final String hostname;
    private final SSLContext sslContext;
    private final boolean implicitTls;
    private final boolean userWithoutTls;
    private final TrustedNetworks trustedNetworks;
    private final MailStore store;
    private final CredentialStore credentials;
    private final MaildropLocks locks;
    private final Pop3EventListener listener;
    private final Limits limits;
    private final int sessionThreads;

    private Pop3ServerConfig(Builder b) {
        this.bindHost = Objects.requireNonNull(b.bindHost, "bindHost");
        this.port = b.port;
        this.hostname = Objects.requireNonNull(b.hostname, "hostname");
        this.sslContext = b.sslContext;
        this.implicitTls = b.implicitTls;
        this.userWithoutTls = b.userWithoutTls;
        this.trustedNetworks = Objects.requireNonNull(b.trustedNetworks, "trustedNetworks");
        this.store = Objects.requireNonNull(b.store, "store is required");
        this.credentials = b.credentials;
        this.locks = b.locks == null ? new MaildropLocks() : b.locks;
        this.listener = b.listener == null ? new Pop3EventListener() { } : b.listener;
        this.limits = Objects.requireNonNull(b.limits, "limits");
        this.sessionThreads = b.sessionThreads;
        if (implicitTls && sslContext == null) {
            throw new IllegalArgumentException("implicit TLS needs an SSLContext");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (sessionThreads < 1) {
            throw new IllegalArgumentException("sessionThreads must be positive: " + sessionThreads);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public String bindHost() {
        return bindHost;
    }

    public int port() {
        return port;
    }

    public String hostname() {
        return hostname;
    }

    /** With {@link #implicitTls()}: TLS from the first byte (port 995 style, RFC 8314); else offered as STLS. */
    public Optional<SSLContext> sslContext() {
        return Optional.ofNullable(sslContext);
    }

    public boolean implicitTls() {
        return implicitTls;
    }

    /** Whether USER/PASS and the clear-text SASL mechanisms (PLAIN, LOGIN) are offered before TLS. */
    public boolean userWithoutTls() {
        return userWithoutTls;
    }

    /**
     * Client networks whose connections count as secure: USER/PASS, AUTH PLAIN and AUTH LOGIN work from there
     * without TLS, as over TLS (default {@link TrustedNetworks#LOOPBACK}).
     */
    public TrustedNetworks trustedNetworks() {
        return trustedNetworks;
    }

    public MailStore store() {
        return store;
    }

    public Optional<CredentialStore> credentials() {
        return Optional.ofNullable(credentials);
    }

    public MaildropLocks locks() {
        return locks;
    }

    public Pop3EventListener listener() {
        return listener;
    }

    public Limits limits() {
        return limits;
    }

    public int sessionThreads() {
        return sessionThreads;
    }

    /** Builds a {@link Pop3ServerConfig}; defaults: 127.0.0.1:110, hostname "localhost", no TLS, defaults(). */
    public static final class Builder {

        private String bindHost = "127.0.0.1";
        private int port = 110;
        private String hostname = "localhost";
        private SSLContext sslContext;
        private boolean implicitTls;
        private boolean userWithoutTls;
        private TrustedNetworks trustedNetworks = TrustedNetworks.LOOPBACK;
        private MailStore store;
        private CredentialStore credentials;
        private MaildropLocks locks;
        private Pop3EventListener listener;
        private Limits limits = Limits.defaults();
        private int sessionThreads = 16;

        private Builder() {
        }

        /** The address to listen on; port 0 takes any free port. */
        public Builder bind(String host, int port) {
            this.bindHost = host;
            this.port = port;
            return this;
        }

        /** The name in the greeting. */
        public Builder hostname(String value) {
            this.hostname = value;
            return this;
        }

        /** Offers STLS (RFC 2595) with this context. */
        public Builder sslContext(SSLContext value) {
            this.sslContext = value;
            return this;
        }

        /** TLS from the first byte with this context (RFC 8314 §3.3), the port 995 style. */
        public Builder implicitTls(SSLContext value) {
            this.sslContext = Objects.requireNonNull(value, "sslContext");
            this.implicitTls = true;
            return this;
        }

        /** Allows USER/PASS, AUTH PLAIN and AUTH LOGIN without TLS (default false). */
        public Builder userWithoutTls(boolean value) {
            this.userWithoutTls = value;
            return this;
        }

        /** Networks whose clients may log in in clear text without TLS; {@link TrustedNetworks#NONE} for none. */
        public Builder trustedNetworks(TrustedNetworks value) {
            this.trustedNetworks = value;
            return this;
        }

        public Builder store(MailStore value) {
            this.store = value;
            return this;
        }

        /** Where passwords and SCRAM credentials come from; default: the store's accounts. */
        public Builder credentials(CredentialStore value) {
            this.credentials = value;
            return this;
        }

        /** Maildrop locks to share with other listeners on the same store; default: one set per server. */
        public Builder locks(MaildropLocks value) {
            this.locks = value;
            return this;
        }

        public Builder listener(Pop3EventListener value) {
            this.listener = value;
            return this;
        }

        public Builder limits(Limits value) {
            this.limits = value;
            return this;
        }

        /** Threads that run the protocol and the (blocking) store and credential calls. */
        public Builder sessionThreads(int value) {
            this.sessionThreads = value;
            return this;
        }

        public Pop3ServerConfig build() {
            return new Pop3ServerConfig(this);
        }
    }
}
