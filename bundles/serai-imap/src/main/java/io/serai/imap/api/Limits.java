package io.serai.imap.api;

import java.time.Duration;

/**
 * The resource limits of one IMAP listener; {@link #defaults()} follows the RFCs where they give a value.
 *
 * @param maxLineLength          octets of one command line without its literals; a longer line ends the session
 *                               with BYE, as framing is lost (RFC 9051 §4). RFC 7162 §4 asks for at least 8192
 * @param maxLiteralSizePreAuth  largest literal before authentication, when only LOGIN and AUTHENTICATE make sense,
 *                               so an anonymous client cannot make the server buffer megabytes
 * @param maxLiteralSize         largest literal once authenticated (APPEND carries whole messages); at least the
 *                               configured APPENDLIMIT
 * @param maxConnections         concurrent connections to the listener
 * @param maxConnectionsPerIp    concurrent connections from one client address
 * @param maxConnectionsPerUser  concurrent authenticated sessions of one account on this listener
 * @param idleTimeout            the autologout timer: a connection silent both ways this long gets BYE (RFC 9051
 *                               §5.4: at least 30 minutes)
 * @param authFailureDelay       delay before the reply to the first failed login; it doubles with each further
 *                               failure from the same address or for the same account
 * @param maxAuthFailureDelay    the longest such delay
 * @param maxBadCommands         consecutive BAD replies after which the server says BYE (RFC 9051 §7.1.5)
 * @param commandsPerSecond      sustained commands per second per connection; faster clients are read more
 *                               slowly (a token bucket), never refused
 * @param commandBurst           commands a connection may send at once before the rate applies
 * @param spoolThreshold         literal octets of one command kept in memory; a literal that would pass it (an
 *                               APPEND of a large message) is streamed to a file of the spool directory
 */
public record Limits(int maxLineLength, long maxLiteralSizePreAuth, long maxLiteralSize, int maxConnections,
                     int maxConnectionsPerIp, int maxConnectionsPerUser, Duration idleTimeout,
                     Duration authFailureDelay, Duration maxAuthFailureDelay, int maxBadCommands,
                     int commandsPerSecond, int commandBurst, int spoolThreshold) {

    /** Below this, long LIST or UID FETCH lines of ordinary clients break (RFC 7162 §4 asks for 8192). */
    public static final int MIN_LINE_LENGTH = 1024;

    /** Literal octets of a command held in memory by default (256 KiB); larger messages are spooled to disk. */
    public static final int DEFAULT_SPOOL_THRESHOLD = 256 * 1024;

    public Limits {
        if (maxLineLength < MIN_LINE_LENGTH) {
            throw new IllegalArgumentException("maxLineLength below " + MIN_LINE_LENGTH + ": " + maxLineLength);
        }
        positive(maxLiteralSizePreAuth, "maxLiteralSizePreAuth");
        positive(maxLiteralSize, "maxLiteralSize");
        positive(maxConnections, "maxConnections");
        positive(maxConnectionsPerIp, "maxConnectionsPerIp");
        positive(maxConnectionsPerUser, "maxConnectionsPerUser");
        positive(idleTimeout.toMillis(), "idleTimeout");
        if (authFailureDelay.isNegative() || maxAuthFailureDelay.compareTo(authFailureDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= authFailureDelay <= maxAuthFailureDelay");
        }
        positive(maxBadCommands, "maxBadCommands");
        positive(commandsPerSecond, "commandsPerSecond");
        positive(commandBurst, "commandBurst");
        if (spoolThreshold < 0) {
            throw new IllegalArgumentException("spoolThreshold must not be negative: " + spoolThreshold);
        }
    }

    /** The limits without a spool threshold, which is then {@link #DEFAULT_SPOOL_THRESHOLD}. */
    public Limits(int maxLineLength, long maxLiteralSizePreAuth, long maxLiteralSize, int maxConnections,
                  int maxConnectionsPerIp, int maxConnectionsPerUser, Duration idleTimeout,
                  Duration authFailureDelay, Duration maxAuthFailureDelay, int maxBadCommands,
                  int commandsPerSecond, int commandBurst) {
        this(maxLineLength, maxLiteralSizePreAuth, maxLiteralSize, maxConnections, maxConnectionsPerIp,
                maxConnectionsPerUser, idleTimeout, authFailureDelay, maxAuthFailureDelay, maxBadCommands,
                commandsPerSecond, commandBurst, DEFAULT_SPOOL_THRESHOLD);
    }

    public static Limits defaults() {
        return new Limits(64 * 1024, 8192, 50L << 20, 2000, 100, 20, Duration.ofMinutes(30), Duration.ofSeconds(1),
                Duration.ofSeconds(30), 10, 100, 200, DEFAULT_SPOOL_THRESHOLD);
    }

    public Limits withMaxLineLength(int value) {
        return new Limits(value, maxLiteralSizePreAuth, maxLiteralSize, maxConnections, maxConnectionsPerIp,
                maxConnectionsPerUser, idleTimeout, authFailureDelay, maxAuthFailureDelay, maxBadCommands,
                commandsPerSecond, commandBurst, spoolThreshold);
    }

    public Limits withLiteralSizes(long preAuth, long authenticated) {
        return new Limits(maxLineLength, preAuth, authenticated, maxConnections, maxConnectionsPerIp,
                maxConnectionsPerUser, idleTimeout, authFailureDelay, maxAuthFailureDelay, maxBadCommands,
                commandsPerSecond, commandBurst, spoolThreshold);
    }

    public Limits withConnections(int total, int perIp, int perUser) {
        return new Limits(maxLineLength, maxLiteralSizePreAuth, maxLiteralSize, total, perIp, perUser, idleTimeout,
                authFailureDelay, maxAuthFailureDelay, maxBadCommands, commandsPerSecond, commandBurst, spoolThreshold);
    }

    /** The autologout timer; tests may go below RFC 9051's 30 minutes, production configurations should not. */
    public Limits withIdleTimeout(Duration value) {
        return new Limits(maxLineLength, maxLiteralSizePreAuth, maxLiteralSize, maxConnections, maxConnectionsPerIp,
                maxConnectionsPerUser, value, authFailureDelay, maxAuthFailureDelay, maxBadCommands,
                commandsPerSecond, commandBurst, spoolThreshold);
    }

    public Limits withAuthFailureDelay(Duration first, Duration max) {
        return new Limits(maxLineLength, maxLiteralSizePreAuth, maxLiteralSize, maxConnections, maxConnectionsPerIp,
                maxConnectionsPerUser, idleTimeout, first, max, maxBadCommands, commandsPerSecond, commandBurst,
                spoolThreshold);
    }

    public Limits withMaxBadCommands(int value) {
        return new Limits(maxLineLength, maxLiteralSizePreAuth, maxLiteralSize, maxConnections, maxConnectionsPerIp,
                maxConnectionsPerUser, idleTimeout, authFailureDelay, maxAuthFailureDelay, value, commandsPerSecond,
                commandBurst, spoolThreshold);
    }

    public Limits withCommandRate(int perSecond, int burst) {
        return new Limits(maxLineLength, maxLiteralSizePreAuth, maxLiteralSize, maxConnections, maxConnectionsPerIp,
                maxConnectionsPerUser, idleTimeout, authFailureDelay, maxAuthFailureDelay, maxBadCommands, perSecond,
                burst, spoolThreshold);
    }

    /** Literal octets of one command kept in memory; 0 spools every non-empty literal. */
    public Limits withSpoolThreshold(int value) {
        return new Limits(maxLineLength, maxLiteralSizePreAuth, maxLiteralSize, maxConnections, maxConnectionsPerIp,
                maxConnectionsPerUser, idleTimeout, authFailureDelay, maxAuthFailureDelay, maxBadCommands,
                commandsPerSecond, commandBurst, value);
    }

    private static void positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
