package io.serai.camel.imapidle;

import javax.net.ssl.SSLContext;

import io.serai.camel.imapidle.api.TokenSupplier;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.jsse.SSLContextParameters;

/** The options of an {@code imap-idle:} endpoint; durations are in milliseconds. */
@UriParams
public class ImapIdleConfiguration implements Cloneable {

    /** RFC 2177 section 3: servers may log out a client idle for 30 minutes, so re-IDLE well before 29. */
    public static final long DEFAULT_IDLE_REFRESH = 25 * 60 * 1000L;

    @UriPath(description = "The IMAP server's host name") @Metadata(required = true)
    private String host;
    @UriPath(description = "The IMAP server's port; 143, or 993 with ssl")
    private int port;
    @UriParam(description = "The account to log in as") @Metadata(required = true)
    private String username;
    @UriParam(label = "security", secret = true, description = "The password; not used when a tokenSupplier is set")
    private String password;
    @UriParam(label = "security", description = "Supplies an OAuth access token per connection; log-in is then"
            + " SASL XOAUTH2 with the token where the password would be")
    private TokenSupplier tokenSupplier;
    @UriParam(defaultValue = "INBOX", description = "The folder to watch")
    private String folder = "INBOX";
    @UriParam(label = "security", description = "TLS from the first byte (imaps, port 993)")
    private boolean ssl;
    @UriParam(label = "security", description = "Upgrade with STARTTLS and refuse to log in without it")
    private boolean startTls;
    @UriParam(label = "security", description = "TLS settings for ssl or startTls (trust store, key store, protocols)")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "security", description = "A ready SSLContext for ssl or startTls; used when no"
            + " sslContextParameters are given")
    private SSLContext sslContext;
    @UriParam(label = "security", defaultValue = "true", description = "Check that the server certificate names the host")
    private boolean checkServerIdentity = true;
    @UriParam(label = "consumer", description = "After a successful exchange, move the message to this folder (MOVE,"
            + " RFC 6851, when the server has it, else COPY, \\Deleted and EXPUNGE)")
    private String moveTo;
    @UriParam(label = "consumer", description = "After a successful exchange, delete the message (\\Deleted and EXPUNGE)")
    private boolean delete;
    @UriParam(label = "consumer", defaultValue = "true", description = "After a successful exchange, set \\Seen")
    private boolean markSeen = true;
    @UriParam(label = "consumer", defaultValue = "true", description = "Read with BODY.PEEK[], so reading alone never"
            + " sets \\Seen (a failed exchange leaves the message unseen)")
    private boolean peek = true;
    @UriParam(label = "consumer", defaultValue = "1500000", description = "End and restart IDLE after this long (ms);"
            + " servers drop clients idle for 30 minutes (RFC 2177)")
    private long idleRefresh = DEFAULT_IDLE_REFRESH;
    @UriParam(label = "consumer", defaultValue = "60000", description = "How often to look for new mail (ms) when the"
            + " server does not advertise IDLE")
    private long pollInterval = 60_000;
    @UriParam(label = "consumer", defaultValue = "1000", description = "First wait (ms) before reconnecting, and before"
            + " retrying a message whose exchange failed")
    private long reconnectInitialDelay = 1000;
    @UriParam(label = "consumer", defaultValue = "60000", description = "Longest wait (ms) between reconnect attempts")
    private long reconnectMaxDelay = 60_000;
    @UriParam(label = "consumer", defaultValue = "2.0", description = "Each failed attempt multiplies the wait by this")
    private double reconnectMultiplier = 2.0;
    @UriParam(label = "consumer", description = "A directory where the last committed UIDVALIDITY and UID are kept, so a"
            + " restart neither repeats nor skips a message; without it they are kept in memory for the endpoint")
    private String stateDirectory;
    @UriParam(label = "advanced", defaultValue = "30000", description = "Connect timeout (ms)")
    private long connectTimeout = 30_000;
    @UriParam(label = "advanced", description = "Socket read timeout (ms); 0 means idleRefresh plus one minute, so a"
            + " dead connection is noticed at the latest at the next refresh")
    private long readTimeout;

    public ImapIdleConfiguration copy() {
        try {
            return (ImapIdleConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The port to connect to: the configured one, else the protocol's default. */
    public int effectivePort() {
        return port > 0 ? port : ssl ? 993 : 143;
    }

    public long effectiveReadTimeout() {
        return readTimeout > 0 ? readTimeout : idleRefresh + 60_000;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public TokenSupplier getTokenSupplier() {
        return tokenSupplier;
    }

    public void setTokenSupplier(TokenSupplier tokenSupplier) {
        this.tokenSupplier = tokenSupplier;
    }

    public String getFolder() {
        return folder;
    }

    public void setFolder(String folder) {
        this.folder = folder;
    }

    public boolean isSsl() {
        return ssl;
    }

    public void setSsl(boolean ssl) {
        this.ssl = ssl;
    }

    public boolean isStartTls() {
        return startTls;
    }

    public void setStartTls(boolean startTls) {
        this.startTls = startTls;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public SSLContext getSslContext() {
        return sslContext;
    }

    public void setSslContext(SSLContext sslContext) {
        this.sslContext = sslContext;
    }

    public boolean isCheckServerIdentity() {
        return checkServerIdentity;
    }

    public void setCheckServerIdentity(boolean checkServerIdentity) {
        this.checkServerIdentity = checkServerIdentity;
    }

    public String getMoveTo() {
        return moveTo;
    }

    public void setMoveTo(String moveTo) {
        this.moveTo = moveTo;
    }

    public boolean isDelete() {
        return delete;
    }

    public void setDelete(boolean delete) {
        this.delete = delete;
    }

    public boolean isMarkSeen() {
        return markSeen;
    }

    public void setMarkSeen(boolean markSeen) {
        this.markSeen = markSeen;
    }

    public boolean isPeek() {
        return peek;
    }

    public void setPeek(boolean peek) {
        this.peek = peek;
    }

    public long getIdleRefresh() {
        return idleRefresh;
    }

    public void setIdleRefresh(long idleRefresh) {
        this.idleRefresh = idleRefresh;
    }

    public long getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(long pollInterval) {
        this.pollInterval = pollInterval;
    }

    public long getReconnectInitialDelay() {
        return reconnectInitialDelay;
    }

    public void setReconnectInitialDelay(long reconnectInitialDelay) {
        this.reconnectInitialDelay = reconnectInitialDelay;
    }

    public long getReconnectMaxDelay() {
        return reconnectMaxDelay;
    }

    public void setReconnectMaxDelay(long reconnectMaxDelay) {
        this.reconnectMaxDelay = reconnectMaxDelay;
    }

    public double getReconnectMultiplier() {
        return reconnectMultiplier;
    }

    public void setReconnectMultiplier(double reconnectMultiplier) {
        this.reconnectMultiplier = reconnectMultiplier;
    }

    public String getStateDirectory() {
        return stateDirectory;
    }

    public void setStateDirectory(String stateDirectory) {
        this.stateDirectory = stateDirectory;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(long readTimeout) {
        this.readTimeout = readTimeout;
    }
}
