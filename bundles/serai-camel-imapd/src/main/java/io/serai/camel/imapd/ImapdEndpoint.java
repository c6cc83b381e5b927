package io.serai.camel.imapd;

import java.nio.file.Path;
import java.time.Duration;

import javax.net.ssl.SSLContext;

import io.serai.camel.imapd.internal.ImapdConsumer;
import io.serai.camel.listener.ListenerConsumer;
import io.serai.camel.listener.ListenerEndpoint;
import io.serai.imap.api.ImapServerConfig;
import io.serai.imap.api.Limits;
import io.serai.imap.api.TlsMode;
import io.serai.sasl.TrustedNetworks;
import org.apache.camel.Category;
import org.apache.camel.Processor;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;

/**
 * An IMAP listener that runs while its route runs, serving the mailboxes of the store's accounts. The options
 * have the names of the Karaf listener configuration ({@code etc/io.serai.imap.listener-*.cfg}) and the same
 * defaults ({@link Limits#defaults()}).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "imapd", title = "IMAP server", syntax = "imapd:host:port",
        consumerOnly = true, category = {Category.MAIL})
public class ImapdEndpoint extends ListenerEndpoint {

    // host, port, store and credentialStore: ListenerEndpoint
    @UriParam(label = "security", description = "TLS for STARTTLS, or for the whole connection with tlsMode=IMPLICIT")
    private SSLContext sslContext;
    @UriParam(label = "security", description = "NONE, STARTTLS or IMPLICIT (TLS from the first byte, port 993 style); STARTTLS and IMPLICIT need sslContext", defaultValue = "NONE")
    private TlsMode tlsMode = TlsMode.NONE;
    @UriParam(label = "security", description = "Allow LOGIN and AUTHENTICATE PLAIN/LOGIN without TLS (tests only)", defaultValue = "false")
    private boolean allowPlaintextAuth = false;
    @UriParam(label = "security", description = "Client networks (addresses and CIDR blocks, comma-separated; none for none) whose connections count as secure: LOGIN and AUTHENTICATE PLAIN/LOGIN work there without TLS", defaultValue = TrustedNetworks.LOOPBACK_SPEC)
    private String trustedNetworks = TrustedNetworks.LOOPBACK_SPEC;
    @UriParam(description = "Server name in the greeting", defaultValue = "localhost")
    private String serverName = "localhost";
    @UriParam(label = "advanced", description = "Threads for the protocol and the store calls of all sessions", defaultValue = "16")
    private int sessionThreads = 16;
    @UriParam(description = "Largest message APPEND accepts, in octets (APPENDLIMIT, RFC 7889)", defaultValue = "52428800")
    private long appendLimit = 52428800L;
    @UriParam(label = "limits", description = "Longest command line in octets, literals excluded", defaultValue = "65536")
    private int maxLineLength = 65536;
    @UriParam(label = "limits", description = "Largest literal before authentication, in octets", defaultValue = "8192")
    private long maxLiteralSizePreAuth = 8192L;
    @UriParam(label = "limits", description = "Largest literal once authenticated, in octets (at least appendLimit)", defaultValue = "52428800")
    private long maxLiteralSize = 52428800L;
    @UriParam(label = "limits", description = "Most connections at once", defaultValue = "2000")
    private int maxConnections = 2000;
    @UriParam(label = "limits", description = "Most connections at once from one client address", defaultValue = "100")
    private int maxConnectionsPerIp = 100;
    @UriParam(label = "limits", description = "Most authenticated sessions at once of one account", defaultValue = "20")
    private int maxConnectionsPerUser = 20;
    @UriParam(label = "limits", description = "Seconds a connection may stay silent before BYE (RFC 9051 section 5.4: at least 1800)", defaultValue = "1800")
    private int idleTimeoutSeconds = 1800;
    @UriParam(label = "limits", description = "Milliseconds before the reply to a failed login; doubles per further failure from the address or for the account", defaultValue = "1000")
    private long authFailureDelayMillis = 1000L;
    @UriParam(label = "limits", description = "Longest failed-login delay in milliseconds", defaultValue = "30000")
    private long maxAuthFailureDelayMillis = 30000L;
    @UriParam(label = "limits", description = "Invalid commands in a row before BYE", defaultValue = "10")
    private int maxBadCommands = 10;
    @UriParam(label = "limits", description = "Sustained commands per second per connection; faster clients are read more slowly", defaultValue = "100")
    private int commandsPerSecond = 100;
    @UriParam(label = "limits", description = "Commands a connection may send at once before commandsPerSecond applies", defaultValue = "200")
    private int commandBurst = 200;
    @UriParam(label = "limits", description = "Literal octets of one command kept in memory; a larger APPEND is streamed to a file of spoolDirectory", defaultValue = "262144")
    private int spoolThreshold = Limits.DEFAULT_SPOOL_THRESHOLD;
    @UriParam(label = "advanced", description = "Directory for spooled APPEND literals; default java.io.tmpdir")
    private String spoolDirectory;

    public ImapdEndpoint(String uri, ImapdComponent component, String host, int port) {
        super(uri, component, host, port, "imap");
    }

    @Override
    protected ListenerConsumer<?> newConsumer(Processor processor) {
        serverConfig(); // fail at route start on a bad option, not at the first connection
        return new ImapdConsumer(this, processor);
    }

    /** The listener configuration these options describe. */
    public ImapServerConfig serverConfig() {
        ImapServerConfig.Builder config = ImapServerConfig.builder()
                .store(requireStore())
                .bind(getHost(), getPort())
                .tls(tlsMode, sslContext)
                .allowPlaintextAuth(allowPlaintextAuth)
                .trustedNetworks(TrustedNetworks.parse(trustedNetworks))
                .serverName(serverName)
                .sessionThreads(sessionThreads)
                .appendLimit(appendLimit)
                .limits(new Limits(maxLineLength, maxLiteralSizePreAuth, maxLiteralSize, maxConnections,
                        maxConnectionsPerIp, maxConnectionsPerUser, Duration.ofSeconds(idleTimeoutSeconds),
                        Duration.ofMillis(authFailureDelayMillis), Duration.ofMillis(maxAuthFailureDelayMillis),
                        maxBadCommands, commandsPerSecond, commandBurst, spoolThreshold));
        if (spoolDirectory != null && !spoolDirectory.isBlank()) {
            config.spoolDirectory(Path.of(spoolDirectory));
        }
        if (getCredentialStore() != null) {
            config.credentials(getCredentialStore());
        }
        return config.build();
    }

    public SSLContext getSslContext() {
        return sslContext;
    }

    public void setSslContext(SSLContext sslContext) {
        this.sslContext = sslContext;
    }

    public TlsMode getTlsMode() {
        return tlsMode;
    }

    public void setTlsMode(TlsMode tlsMode) {
        this.tlsMode = tlsMode;
    }

    public boolean isAllowPlaintextAuth() {
        return allowPlaintextAuth;
    }

    public void setAllowPlaintextAuth(boolean allowPlaintextAuth) {
        this.allowPlaintextAuth = allowPlaintextAuth;
    }

    public String getTrustedNetworks() {
        return trustedNetworks;
    }

    public void setTrustedNetworks(String trustedNetworks) {
        this.trustedNetworks = trustedNetworks;
    }

    public String getServerName() {
        return serverName;
    }

    public void setServerName(String serverName) {
        this.serverName = serverName;
    }

    public int getSessionThreads() {
        return sessionThreads;
    }

    public void setSessionThreads(int sessionThreads) {
        this.sessionThreads = sessionThreads;
    }

    public long getAppendLimit() {
        return appendLimit;
    }

    public void setAppendLimit(long appendLimit) {
        this.appendLimit = appendLimit;
    }

    public int getMaxLineLength() {
        return maxLineLength;
    }

    public void setMaxLineLength(int maxLineLength) {
        this.maxLineLength = maxLineLength;
    }

    public long getMaxLiteralSizePreAuth() {
        return maxLiteralSizePreAuth;
    }

    public void setMaxLiteralSizePreAuth(long maxLiteralSizePreAuth) {
        this.maxLiteralSizePreAuth = maxLiteralSizePreAuth;
    }

    public long getMaxLiteralSize() {
        return maxLiteralSize;
    }

    public void setMaxLiteralSize(long maxLiteralSize) {
        this.maxLiteralSize = maxLiteralSize;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public int getMaxConnectionsPerIp() {
        return maxConnectionsPerIp;
    }

    public void setMaxConnectionsPerIp(int maxConnectionsPerIp) {
        this.maxConnectionsPerIp = maxConnectionsPerIp;
    }

    public int getMaxConnectionsPerUser() {
        return maxConnectionsPerUser;
    }

    public void setMaxConnectionsPerUser(int maxConnectionsPerUser) {
        this.maxConnectionsPerUser = maxConnectionsPerUser;
    }

    public int getIdleTimeoutSeconds() {
        return idleTimeoutSeconds;
    }

    public void setIdleTimeoutSeconds(int idleTimeoutSeconds) {
        this.idleTimeoutSeconds = idleTimeoutSeconds;
    }

    public long getAuthFailureDelayMillis() {
        return authFailureDelayMillis;
    }

    public void setAuthFailureDelayMillis(long authFailureDelayMillis) {
        this.authFailureDelayMillis = authFailureDelayMillis;
    }

    public long getMaxAuthFailureDelayMillis() {
        return maxAuthFailureDelayMillis;
    }

    public void setMaxAuthFailureDelayMillis(long maxAuthFailureDelayMillis) {
        this.maxAuthFailureDelayMillis = maxAuthFailureDelayMillis;
    }

    public int getMaxBadCommands() {
        return maxBadCommands;
    }

    public void setMaxBadCommands(int maxBadCommands) {
        this.maxBadCommands = maxBadCommands;
    }

    public int getCommandsPerSecond() {
        return commandsPerSecond;
    }

    public void setCommandsPerSecond(int commandsPerSecond) {
        this.commandsPerSecond = commandsPerSecond;
    }

    public int getCommandBurst() {
        return commandBurst;
    }

    public void setCommandBurst(int commandBurst) {
        this.commandBurst = commandBurst;
    }

    public int getSpoolThreshold() {
        return spoolThreshold;
    }

    public void setSpoolThreshold(int spoolThreshold) {
        this.spoolThreshold = spoolThreshold;
    }

    public String getSpoolDirectory() {
        return spoolDirectory;
    }

    public void setSpoolDirectory(String spoolDirectory) {
        this.spoolDirectory = spoolDirectory;
    }
}
