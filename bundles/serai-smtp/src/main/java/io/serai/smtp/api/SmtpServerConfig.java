package io.serai.smtp.api;

import io.serai.sasl.CredentialStore;
import io.serai.sasl.TrustedNetworks;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;

/**
 * The immutable configuration of one SMTP listener. Build with {@link #builder()}; every option has a default
 * except the {@link MessageHandler}.
 */
public final class SmtpServerConfig {

    private final ListenerKind kind;
    private final String bindHost;
    private final int port;
    private final String hostname;
    private final SSLContext sslContext;
    private final boolean authWithoutTls;
    private final TrustedNetworks trustedNetworks;
    private final boolean authOnMta;
    private final CredentialStore credentials;
    private final RelayPolicy relayPolicy;
    private final RecipientValidator recipientValidator;
    private final MessageHandler messageHandler;
    private final Executor handlerExecutor;
    private final int sessionThreads;
    private final Path spoolDirectory;
    private final Limits limits;
    private final boolean addReturnPath;
    private final Clock clock;

    private SmtpServerConfig(Builder b) {
        this.kind = b.kind;
        this.bindHost = b.bindHost;
        this.port = b.port;
        this.hostname = b.hostname;
        this.sslContext = b.sslContext;
        this.authWithoutTls = b.authWithoutTls;
        this.trustedNetworks = Objects.requireNonNull(b.trustedNetworks, "trustedNetworks");
        this.authOnMta = b.authOnMta;
        this.credentials = b.credentials;
        this.relayPolicy = b.relayPolicy;
        this.recipientValidator = b.recipientValidator;
        this.messageHandler = Objects.requireNonNull(b.messageHandler, "messageHandler is required");
        this.handlerExecutor = b.handlerExecutor;
        this.sessionThreads = b.sessionThreads;
        this.spoolDirectory = b.spoolDirectory;
        this.limits = b.limits;
        this.addReturnPath = b.addReturnPath;
        this.clock = b.clock;
        if (kind.implicitTls() && sslContext == null) {
            throw new IllegalArgumentException(kind + " needs an SSLContext");
        }
        if (kind.authRequired() && credentials == null) {
            throw new IllegalArgumentException(kind + " requires AUTH, so it needs a CredentialStore");
        }
        if (kind.authRequired() && !kind.implicitTls() && sslContext == null && !authWithoutTls
                && trustedNetworks.isEmpty()) {
            // AUTH is only offered over TLS or to trusted networks, so such a listener could never accept a message
            throw new IllegalArgumentException(kind + " requires AUTH: configure an SSLContext for STARTTLS"
                    + ", allow authWithoutTls or trust the clients' network");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public ListenerKind kind() {
        return kind;
    }

    public String bindHost() {
        return bindHost;
    }

    /** 0 picks a free port; {@link SmtpServer#localAddress()} tells which. */
    public int port() {
        return port;
    }

    /** The server's name in the greeting, EHLO reply and Received: header (RFC 5321 §4.1.3). */
    public String hostname() {
        return hostname;
    }

    public Optional<SSLContext> sslContext() {
        return Optional.ofNullable(sslContext);
    }

    /** Whether AUTH is offered before TLS is active (RFC 4954 §4 and JAMES-3680 advise against it). */
    public boolean authWithoutTls() {
        return authWithoutTls;
    }

    /**
     * Client networks whose connections count as secure: AUTH PLAIN and LOGIN are offered there without TLS, as
     * over TLS (default {@link TrustedNetworks#LOOPBACK}).
     */
    public TrustedNetworks trustedNetworks() {
        return trustedNetworks;
    }

    /** Whether AUTH is offered on an MTA listener (where it is never required). */
    public boolean authOnMta() {
        return authOnMta;
    }

    public Optional<CredentialStore> credentials() {
        return Optional.ofNullable(credentials);
    }

    public RelayPolicy relayPolicy() {
        return relayPolicy;
    }

    public RecipientValidator recipientValidator() {
        return recipientValidator;
    }

    public MessageHandler messageHandler() {
        return messageHandler;
    }

    /** Where {@link MessageHandler#deliver} runs; empty means a pool the server owns. */
    public Optional<Executor> handlerExecutor() {
        return Optional.ofNullable(handlerExecutor);
    }

    /** Threads that run the protocol sessions (and the blocking validator and credential look-ups). */
    public int sessionThreads() {
        return sessionThreads;
    }

    public Path spoolDirectory() {
        return spoolDirectory;
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Whether to prepend {@code Return-Path:}. RFC 5321 §4.4 says the final delivery agent adds it; keep it on
     * for a listener that delivers to local mailboxes and turn it off when the handler relays onwards.
     */
    public boolean addReturnPath() {
        return addReturnPath;
    }

    public Clock clock() {
        return clock;
    }

    /** Whether sessions of this listener may use AUTH at all. */
    public boolean authEnabled() {
        return credentials != null && (kind.authRequired() || authOnMta);
    }

    /** A builder with the defaults of an MTA listener on all interfaces, port 25. */
    public static final class Builder {
        private ListenerKind kind = ListenerKind.MTA;
        private String bindHost = "0.0.0.0";
        private int port = 25;
        private String hostname = "localhost";
        private SSLContext sslContext;
        private boolean authWithoutTls;
        private TrustedNetworks trustedNetworks = TrustedNetworks.LOOPBACK;
        private boolean authOnMta;
        private CredentialStore credentials;
        private RelayPolicy relayPolicy = RelayPolicy.forDomains("localhost");
        private RecipientValidator recipientValidator = RecipientValidator.acceptAll();
        private MessageHandler messageHandler;
        private Executor handlerExecutor;
        private int sessionThreads = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
        private Path spoolDirectory = Path.of(System.getProperty("java.io.tmpdir"));
        private Limits limits = Limits.defaults();
        private boolean addReturnPath = true;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder kind(ListenerKind value) {
            kind = Objects.requireNonNull(value);
            return this;
        }

        public Builder bind(String host, int listenPort) {
            bindHost = Objects.requireNonNull(host);
            port = listenPort;
            return this;
        }

        public Builder hostname(String value) {
            hostname = Objects.requireNonNull(value);
            return this;
        }

        public Builder sslContext(SSLContext value) {
            sslContext = value;
            return this;
        }

        public Builder authWithoutTls(boolean value) {
            authWithoutTls = value;
            return this;
        }

        /** Networks whose clients get AUTH PLAIN/LOGIN without TLS; {@link TrustedNetworks#NONE} for none. */
        public Builder trustedNetworks(TrustedNetworks value) {
            trustedNetworks = value;
            return this;
        }

        public Builder authOnMta(boolean value) {
            authOnMta = value;
            return this;
        }

        public Builder credentials(CredentialStore value) {
            credentials = value;
            return this;
        }

        public Builder relayPolicy(RelayPolicy value) {
            relayPolicy = Objects.requireNonNull(value);
            return this;
        }

        public Builder recipientValidator(RecipientValidator value) {
            recipientValidator = Objects.requireNonNull(value);
            return this;
        }

        public Builder messageHandler(MessageHandler value) {
            messageHandler = Objects.requireNonNull(value);
            return this;
        }

        public Builder handlerExecutor(Executor value) {
            handlerExecutor = value;
            return this;
        }

        public Builder sessionThreads(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("sessionThreads must be positive");
            }
            sessionThreads = value;
            return this;
        }

        public Builder spoolDirectory(Path value) {
            spoolDirectory = Objects.requireNonNull(value);
            return this;
        }

        public Builder limits(Limits value) {
            limits = Objects.requireNonNull(value);
            return this;
        }

        public Builder addReturnPath(boolean value) {
            addReturnPath = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value);
            return this;
        }

        public SmtpServerConfig build() {
            return new SmtpServerConfig(this);
        }
    }
}
