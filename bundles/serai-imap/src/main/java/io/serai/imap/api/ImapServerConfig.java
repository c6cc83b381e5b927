package io.serai.imap.api;

import io.serai.sasl.CredentialStore;
import io.serai.sasl.TrustedNetworks;
import io.serai.store.api.MailStore;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The immutable configuration of one IMAP listener. Build with {@link #builder()}; only the {@link MailStore} is
 * required. Without a {@link CredentialStore} the store's own accounts check passwords.
 */
public final class ImapServerConfig {

    private final String bindHost;
    private final int port;
    private final TlsMode tlsMode;
    private final SSLContext sslContext;
    private final boolean allowPlaintextAuth;
    private final TrustedNetworks trustedNetworks;
    private final String serverName;
    private final int sessionThreads;
    private final long appendLimit;
    private final MailStore store;
    private final CredentialStore credentials;
    private final Limits limits;
    private final Path spoolDirectory;

    private ImapServerConfig(Builder b) {
        this.bindHost = Objects.requireNonNull(b.bindHost, "bindHost");
        this.port = b.port;
        this.tlsMode = Objects.requireNonNull(b.tlsMode, "tlsMode");
        this.sslContext = b.sslContext;
        this.allowPlaintextAuth = b.allowPlaintextAuth;
        this.trustedNetworks = Objects.requireNonNull(b.trustedNetworks, "trustedNetworks");
        this.serverName = Objects.requireNonNull(b.serverName, "serverName");
        this.sessionThreads = b.sessionThreads;
        this.appendLimit = b.appendLimit;
        this.store = Objects.requireNonNull(b.store, "store is required");
        this.credentials = b.credentials;
        this.limits = Objects.requireNonNull(b.limits, "limits");
        this.spoolDirectory = Objects.requireNonNull(b.spoolDirectory, "spoolDirectory");
        if (tlsMode != TlsMode.NONE && sslContext == null) {
            throw new IllegalArgumentException(tlsMode + " needs an SSLContext");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (sessionThreads < 1) {
            throw new IllegalArgumentException("sessionThreads must be positive: " + sessionThreads);
        }
        if (appendLimit < 1 || appendLimit > limits.maxLiteralSize()) {
            // a larger APPENDLIMIT would be advertised but refused by the framer before [TOOBIG] could be said
            throw new IllegalArgumentException("appendLimit must be between 1 and maxLiteralSize ("
                    + limits.maxLiteralSize() + "): " + appendLimit);
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

    public TlsMode tlsMode() {
        return tlsMode;
    }

    /** The server's TLS context; present unless {@link #tlsMode()} is {@link TlsMode#NONE} and none was given. */
    public Optional<SSLContext> sslContext() {
        return Optional.ofNullable(tlsMode == TlsMode.NONE ? null : sslContext);
    }

    /** Whether LOGIN and AUTHENTICATE PLAIN/LOGIN work without TLS (RFC 9051 §6.2.3 LOGINDISABLED otherwise). */
    public boolean allowPlaintextAuth() {
        return allowPlaintextAuth;
    }

    /**
     * Client networks whose connections count as secure: LOGIN and AUTHENTICATE PLAIN/LOGIN work from there without
     * TLS, as they do over TLS (default {@link TrustedNetworks#LOOPBACK}).
     */
    public TrustedNetworks trustedNetworks() {
        return trustedNetworks;
    }

    /** The name in the greeting. */
    public String serverName() {
        return serverName;
    }

    public int sessionThreads() {
        return sessionThreads;
    }

    /** The largest message APPEND accepts, advertised as APPENDLIMIT (RFC 7889). */
    public long appendLimit() {
        return appendLimit;
    }

    public MailStore store() {
        return store;
    }

    public Optional<CredentialStore> credentials() {
        return Optional.ofNullable(credentials);
    }

    public Limits limits() {
        return limits;
    }

    /** Where literals larger than {@link Limits#spoolThreshold()} are written while they arrive. */
    public Path spoolDirectory() {
        return spoolDirectory;
    }

    /** Builds an {@link ImapServerConfig}; defaults: 127.0.0.1:143, no TLS, name "localhost", 16 threads. */
    public static final class Builder {

        private String bindHost = "127.0.0.1";
        private int port = 143;
        private TlsMode tlsMode = TlsMode.NONE;
        private SSLContext sslContext;
        private boolean allowPlaintextAuth;
        private TrustedNetworks trustedNetworks = TrustedNetworks.LOOPBACK;
        private String serverName = "localhost";
        private int sessionThreads = 16;
        private long appendLimit = 50L << 20;
        private MailStore store;
        private CredentialStore credentials;
        private Limits limits = Limits.defaults();
        private Path spoolDirectory = Path.of(System.getProperty("java.io.tmpdir"));

        private Builder() {
        }

        /** The address to listen on; port 0 takes any free port. */
        public Builder bind(String host, int port) {
            this.bindHost = host;
            this.port = port;
            return this;
        }

        /** STARTTLS or implicit TLS with {@code context}; {@link TlsMode#NONE} ignores it. */
        public Builder tls(TlsMode mode, SSLContext context) {
            this.tlsMode = mode;
            this.sslContext = context;
            return this;
        }

        /** Allows LOGIN and AUTHENTICATE PLAIN/LOGIN without TLS (default false: clear-text passwords). */
        public Builder allowPlaintextAuth(boolean value) {
            this.allowPlaintextAuth = value;
            return this;
        }

        /** Networks whose clients may log in in clear text without TLS; {@link TrustedNetworks#NONE} for none. */
        public Builder trustedNetworks(TrustedNetworks value) {
            this.trustedNetworks = value;
            return this;
        }

        public Builder serverName(String value) {
            this.serverName = value;
            return this;
        }

        /** Threads that run the protocol and the (blocking) store and credential calls. */
        public Builder sessionThreads(int value) {
            this.sessionThreads = value;
            return this;
        }

        public Builder appendLimit(long value) {
            this.appendLimit = value;
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

        public Builder limits(Limits value) {
            this.limits = value;
            return this;
        }

        /** Where large APPEND literals are spooled (default {@code java.io.tmpdir}, as for serai-smtp). */
        public Builder spoolDirectory(Path value) {
            this.spoolDirectory = Objects.requireNonNull(value);
            return this;
        }

        public ImapServerConfig build() {
            return new ImapServerConfig(this);
        }
    }
}
