package io.serai.camel.smtpd;

import io.serai.sasl.CredentialStore;
import io.serai.smtp.api.ListenerKind;
import io.serai.smtp.api.RecipientValidator;
import javax.net.ssl.SSLContext;
import io.serai.sasl.TrustedNetworks;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options of one {@code smtpd:} listener. The names are those of the {@code SmtpServerConfig} builder and
 * {@code Limits} of serai-smtp, so a listener reads the same in a URI, a Karaf {@code .cfg} and the docs; the
 * defaults are the library's ({@code Limits.defaults()}). Durations are in milliseconds.
 */
@UriParams
public class SmtpdConfiguration {

    @UriPath
    @Metadata(required = true)
    private String host;
    @UriPath
    @Metadata(required = true)
    private int port;
    @UriParam(label = "consumer", defaultValue = "MTA", enums = "MTA,SUBMISSION,SUBMISSIONS")
    private ListenerKind kind = ListenerKind.MTA;
    @UriParam(label = "consumer", defaultValue = "localhost")
    private String hostname = "localhost";
    @UriParam(label = "security", defaultValue = "false")
    private boolean authWithoutTls;
    @UriParam(label = "security", defaultValue = TrustedNetworks.LOOPBACK_SPEC)
    private String trustedNetworks = TrustedNetworks.LOOPBACK_SPEC;
    @UriParam(label = "security", defaultValue = "false")
    private boolean authOnMta;
    @UriParam(label = "security")
    private CredentialStore credentialStore;
    @UriParam(label = "consumer", defaultValue = "localhost")
    private String localDomains = "localhost";
    @UriParam(label = "security", defaultValue = "true")
    private boolean relayForAuthenticated = true;
    @UriParam(label = "security")
    private io.serai.smtp.api.RelayPolicy relayPolicy;
    @UriParam(label = "consumer")
    private RecipientValidator recipientValidator;
    @UriParam(label = "advanced", defaultValue = "36700160")
    private long maxMessageSize = 36700160L;
    @UriParam(label = "advanced", defaultValue = "100")
    private int maxRecipients = 100;
    @UriParam(label = "advanced", defaultValue = "1000")
    private int maxLineLength = 1000;
    @UriParam(label = "advanced", defaultValue = "300000")
    private long commandTimeout = 300_000L;
    @UriParam(label = "advanced", defaultValue = "180000")
    private long dataTimeout = 180_000L;
    @UriParam(label = "advanced", defaultValue = "500")
    private int maxConnections = 500;
    @UriParam(label = "advanced", defaultValue = "20")
    private int maxConnectionsPerIp = 20;
    @UriParam(label = "advanced", defaultValue = "10")
    private int maxErrors = 10;
    @UriParam(label = "security", defaultValue = "3")
    private int maxAuthFailures = 3;
    @UriParam(label = "security", defaultValue = "1000")
    private long authFailureDelay = 1000L;
    @UriParam(label = "advanced", defaultValue = "65536")
    private int spoolThreshold = 65536;
    @UriParam(label = "advanced")
    private String spoolDirectory;
    @UriParam(label = "advanced", defaultValue = "0")
    private int sessionThreads;
    @UriParam(label = "consumer", defaultValue = "true")
    private boolean addReturnPath = true;
    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "security")
    private SSLContext sslContext;

    /** The address to listen on, e.g. 0.0.0.0 for all interfaces or 127.0.0.1. */
    public String getHost() {
        return host;
    }

    /**
     * The address to listen on, e.g. 0.0.0.0 for all interfaces or 127.0.0.1.
     */
    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    /**
     * The TCP port to listen on; 0 picks a free port (see SmtpdEndpoint#getLocalAddress).
     */
    public void setPort(int port) {
        this.port = port;
    }

    public ListenerKind getKind() {
        return kind;
    }

    /**
     * The kind of listener: MTA (port 25, no AUTH needed, never relays), SUBMISSION (port 587, RFC 6409: AUTH
     * required before MAIL, STARTTLS) or SUBMISSIONS (port 465, RFC 8314 §3.3: implicit TLS). SUBMISSION and
     * SUBMISSIONS need a credentialStore.
     */
    public void setKind(ListenerKind kind) {
        this.kind = kind;
    }

    public String getHostname() {
        return hostname;
    }

    /**
     * The server's name in the greeting, the EHLO reply and the Received: header (RFC 5321 §4.1.3).
     */
    public void setHostname(String hostname) {
        this.hostname = hostname;
    }

    public boolean isAuthWithoutTls() {
        return authWithoutTls;
    }

    /**
     * Whether AUTH is offered before TLS is active. Off by default: RFC 4954 §4 and JAMES-3680 advise against
     * sending passwords in clear.
     */
    public void setAuthWithoutTls(boolean authWithoutTls) {
        this.authWithoutTls = authWithoutTls;
    }

    public String getTrustedNetworks() {
        return trustedNetworks;
    }

    /**
     * Client networks whose connections count as secure, as TLS does: AUTH PLAIN/LOGIN is offered to them without
     * TLS. Addresses and CIDR blocks, comma-separated; {@code none} for none. Loopback by default, as Dovecot does.
     */
    public void setTrustedNetworks(String trustedNetworks) {
        this.trustedNetworks = trustedNetworks;
    }

    public boolean isAuthOnMta() {
        return authOnMta;
    }

    /**
     * Whether AUTH is offered on an MTA listener, where it is never required.
     */
    public void setAuthOnMta(boolean authOnMta) {
        this.authOnMta = authOnMta;
    }

    public CredentialStore getCredentialStore() {
        return credentialStore;
    }

    /**
     * The users AUTH checks against (a bean reference, e.g. #users). Required for SUBMISSION and SUBMISSIONS. Called
     * off the network threads, so it may block.
     */
    public void setCredentialStore(CredentialStore credentialStore) {
        this.credentialStore = credentialStore;
    }

    public String getLocalDomains() {
        return localDomains;
    }

    /**
     * Comma-separated domains this server is the final destination for. Recipients there are checked by the
     * recipientValidator; any other recipient is relaying.
     */
    public void setLocalDomains(String localDomains) {
        this.localDomains = localDomains;
    }

    public boolean isRelayForAuthenticated() {
        return relayForAuthenticated;
    }

    /**
     * Whether authenticated sessions of a SUBMISSION or SUBMISSIONS listener may send to domains outside
     * localDomains. Unauthenticated relaying is never possible.
     */
    public void setRelayForAuthenticated(boolean relayForAuthenticated) {
        this.relayForAuthenticated = relayForAuthenticated;
    }

    public RecipientValidator getRecipientValidator() {
        return recipientValidator;
    }

    /**
     * The RCPT-time hook (a bean reference): decides whether a recipient of a local domain exists, so unknown users
     * get 550 5.1.1 before any data is sent (RFC 5321 §3.3) and a failing look-up gets 450 4.2.1. It runs on a
     * session thread and may block, e.g. call another route with a ProducerTemplate. Default: accept every local
     * recipient.
     */
    public void setRecipientValidator(RecipientValidator recipientValidator) {
        this.recipientValidator = recipientValidator;
    }

    public long getMaxMessageSize() {
        return maxMessageSize;
    }

    /**
     * The largest message in bytes (SIZE, RFC 1870); larger ones get 552 5.3.4.
     */
    public void setMaxMessageSize(long maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    public int getMaxRecipients() {
        return maxRecipients;
    }

    /**
     * The most RCPTs per transaction; more get 452 4.5.3 (RFC 5321 §4.5.3.1.10 asks for at least 100).
     */
    public void setMaxRecipients(int maxRecipients) {
        this.maxRecipients = maxRecipients;
    }

    public int getMaxLineLength() {
        return maxLineLength;
    }

    /**
     * The longest text line in octets including CRLF; at least 1000 (RFC 5321 §4.5.3.1.6).
     */
    public void setMaxLineLength(int maxLineLength) {
        this.maxLineLength = maxLineLength;
    }

    public long getCommandTimeout() {
        return commandTimeout;
    }

    /**
     * Milliseconds of idle time waiting for a command before 421 4.4.2 (RFC 5321 §4.5.3.2.7: 5 minutes).
     */
    public void setCommandTimeout(long commandTimeout) {
        this.commandTimeout = commandTimeout;
    }

    public long getDataTimeout() {
        return dataTimeout;
    }

    /**
     * Milliseconds of idle time waiting for message data before 421 4.4.2 (RFC 5321 §4.5.3.2.5: 3 minutes).
     */
    public void setDataTimeout(long dataTimeout) {
        this.dataTimeout = dataTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    /**
     * The most concurrent connections to the listener; more get 421 4.7.0.
     */
    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public int getMaxConnectionsPerIp() {
        return maxConnectionsPerIp;
    }

    /**
     * The most concurrent connections from one client address; more get 421 4.7.0.
     */
    public void setMaxConnectionsPerIp(int maxConnectionsPerIp) {
        this.maxConnectionsPerIp = maxConnectionsPerIp;
    }

    public int getMaxErrors() {
        return maxErrors;
    }

    /**
     * Erroneous commands per session before 421 4.7.0 and disconnect.
     */
    public void setMaxErrors(int maxErrors) {
        this.maxErrors = maxErrors;
    }

    public int getMaxAuthFailures() {
        return maxAuthFailures;
    }

    /**
     * Failed AUTH attempts per session before 421 and disconnect.
     */
    public void setMaxAuthFailures(int maxAuthFailures) {
        this.maxAuthFailures = maxAuthFailures;
    }

    public long getAuthFailureDelay() {
        return authFailureDelay;
    }

    /**
     * Milliseconds before each failed AUTH reply, to slow down password guessing.
     */
    public void setAuthFailureDelay(long authFailureDelay) {
        this.authFailureDelay = authFailureDelay;
    }

    public int getSpoolThreshold() {
        return spoolThreshold;
    }

    /**
     * Message bytes kept in memory; larger messages spill to a file in spoolDirectory.
     */
    public void setSpoolThreshold(int spoolThreshold) {
        this.spoolThreshold = spoolThreshold;
    }

    public String getSpoolDirectory() {
        return spoolDirectory;
    }

    /**
     * The directory for spooled messages; default: java.io.tmpdir. The file is deleted once the route has finished.
     */
    public void setSpoolDirectory(String spoolDirectory) {
        this.spoolDirectory = spoolDirectory;
    }

    public int getSessionThreads() {
        return sessionThreads;
    }

    /**
     * Threads that run the protocol sessions (and the recipientValidator and credentialStore look-ups); 0 means the
     * library default of twice the processors, at least 2.
     */
    public void setSessionThreads(int sessionThreads) {
        this.sessionThreads = sessionThreads;
    }

    public boolean isAddReturnPath() {
        return addReturnPath;
    }

    /**
     * Whether to prepend Return-Path: to the content. RFC 5321 §4.4 says the final delivery agent adds it: keep it
     * for local delivery, turn it off when the route relays onwards.
     */
    public void setAddReturnPath(boolean addReturnPath) {
        this.addReturnPath = addReturnPath;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * TLS as Camel SSLContextParameters (a bean reference): STARTTLS for MTA and SUBMISSION, implicit TLS for
     * SUBMISSIONS. Do not combine with sslContext.
     */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public SSLContext getSslContext() {
        return sslContext;
    }

    /**
     * TLS as a ready javax.net.ssl.SSLContext (a bean reference). Do not combine with sslContextParameters.
     */
    public void setSslContext(SSLContext sslContext) {
        this.sslContext = sslContext;
    }

    public io.serai.smtp.api.RelayPolicy getRelayPolicy() {
        return relayPolicy;
    }

    /**
     * A relay policy bean that decides which domains are local (asked at RCPT time, e.g. by the mailbox store);
     * when set, it replaces localDomains and relayForAuthenticated.
     */
    public void setRelayPolicy(io.serai.smtp.api.RelayPolicy relayPolicy) {
        this.relayPolicy = relayPolicy;
    }
}
