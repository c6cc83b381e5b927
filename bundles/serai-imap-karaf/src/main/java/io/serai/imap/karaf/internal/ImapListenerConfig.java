package io.serai.imap.karaf.internal;

import io.serai.imap.api.TlsMode;
import io.serai.sasl.TrustedNetworks;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One IMAP listener: etc/io.serai.imap.listener-NAME.cfg. The names are those of the {@code imapd:} Camel
 * endpoint's options; the defaults are {@code io.serai.imap.api.Limits.defaults()}.
 */
@ObjectClassDefinition(name = "Serai IMAP listener", description = "An IMAP listener over the mailbox store")
@interface ImapListenerConfig {

    @AttributeDefinition(description = "Name of the listener (logs)")
    String name() default "imap";

    @AttributeDefinition(description = "Address to listen on")
    String host() default "127.0.0.1";

    @AttributeDefinition(description = "Port to listen on")
    int port() default 2143;

    @AttributeDefinition(description = "NONE, STARTTLS (port 143 style) or IMPLICIT (TLS from the first byte, port 993 style)")
    TlsMode tlsMode() default TlsMode.STARTTLS;

    @AttributeDefinition(description = "Allow LOGIN and AUTHENTICATE PLAIN/LOGIN without TLS (clear-text passwords: tests only)")
    boolean allowPlaintextAuth() default false;

    @AttributeDefinition(description = "Client networks (addresses and CIDR blocks, comma-separated; empty or none for"
            + " none) whose connections count as secure: LOGIN and AUTHENTICATE PLAIN/LOGIN work there without TLS")
    String trustedNetworks() default TrustedNetworks.LOOPBACK_SPEC;

    @AttributeDefinition(description = "Server name in the greeting")
    String serverName() default "localhost";

    @AttributeDefinition(description = "Threads for the protocol and the store calls of all sessions")
    int sessionThreads() default 16;

    @AttributeDefinition(description = "Largest message APPEND accepts, in octets (APPENDLIMIT, RFC 7889)")
    long appendLimit() default 52428800L;

    @AttributeDefinition(description = "Longest command line in octets, literals excluded")
    int maxLineLength() default 65536;

    @AttributeDefinition(description = "Largest literal before authentication, in octets")
    long maxLiteralSizePreAuth() default 8192L;

    @AttributeDefinition(description = "Largest literal once authenticated, in octets (at least appendLimit)")
    long maxLiteralSize() default 52428800L;

    @AttributeDefinition(description = "Most connections at once")
    int maxConnections() default 2000;

    @AttributeDefinition(description = "Most connections at once from one client address")
    int maxConnectionsPerIp() default 100;

    @AttributeDefinition(description = "Most authenticated sessions at once of one account")
    int maxConnectionsPerUser() default 20;

    @AttributeDefinition(description = "Seconds a connection may stay silent before BYE (RFC 9051 section 5.4: at least 1800)")
    int idleTimeoutSeconds() default 1800;

    @AttributeDefinition(description = "Milliseconds before the reply to a failed login; doubles per further failure from the address or for the account")
    long authFailureDelayMillis() default 1000L;

    @AttributeDefinition(description = "Longest failed-login delay in milliseconds")
    long maxAuthFailureDelayMillis() default 30000L;

    @AttributeDefinition(description = "Invalid commands in a row before BYE")
    int maxBadCommands() default 10;

    @AttributeDefinition(description = "Sustained commands per second per connection; faster clients are read more slowly")
    int commandsPerSecond() default 100;

    @AttributeDefinition(description = "Commands a connection may send at once before commandsPerSecond applies")
    int commandBurst() default 200;

    @AttributeDefinition(description = "Literal octets of one command kept in memory; a larger APPEND is streamed to a file of spoolDirectory")
    int spoolThreshold() default 262144;

    @AttributeDefinition(description = "Directory for spooled APPEND literals; empty: java.io.tmpdir", required = false)
    String spoolDirectory() default "";
}
