package io.serai.pop3.api;

import java.time.Duration;

/**
 * The resource limits of one POP3 listener; {@link #defaults()} follows the RFCs where they give a value.
 *
 * @param maxLineLength       octets of a command line including CRLF; longer lines are skipped and answered
 *                            with {@code -ERR}. RFC 2449 §4 limits commands to 255 octets, but SASL responses
 *                            (RFC 5034 §4) can be longer, hence the larger default
 * @param idleTimeout         the autologout timer (RFC 1939 §3: at least 10 minutes); the session is closed
 *                            without entering UPDATE
 * @param maxAuthFailures     failed USER/PASS or AUTH attempts before the session is closed
 * @param authFailureDelay    delay before each failed authentication reply, to slow down password guessing
 * @param maxConnections      concurrent connections to the listener
 * @param maxConnectionsPerIp concurrent connections from one client address
 */
public record Limits(int maxLineLength, Duration idleTimeout, int maxAuthFailures, Duration authFailureDelay,
                     int maxConnections, int maxConnectionsPerIp) {

    /** RFC 2449 §4: a command line is at most 255 octets including CRLF; below that clients break. */
    public static final int MIN_LINE_LENGTH = 255;

    public Limits {
        if (maxLineLength < MIN_LINE_LENGTH) {
            throw new IllegalArgumentException("maxLineLength below RFC 2449's 255: " + maxLineLength);
        }
        positive(idleTimeout.toMillis(), "idleTimeout");
        positive(maxAuthFailures, "maxAuthFailures");
        if (authFailureDelay.isNegative()) {
            throw new IllegalArgumentException("authFailureDelay must not be negative");
        }
        positive(maxConnections, "maxConnections");
        positive(maxConnectionsPerIp, "maxConnectionsPerIp");
    }

    public static Limits defaults() {
        return new Limits(8192, Duration.ofMinutes(10), 3, Duration.ofSeconds(1), 500, 20);
    }

    public Limits withMaxLineLength(int value) {
        return new Limits(value, idleTimeout, maxAuthFailures, authFailureDelay, maxConnections, maxConnectionsPerIp);
    }

    /** The autologout timer; tests may go below RFC 1939's 10 minutes, production configurations should not. */
    public Limits withIdleTimeout(Duration value) {
        return new Limits(maxLineLength, value, maxAuthFailures, authFailureDelay, maxConnections, maxConnectionsPerIp);
    }

    public Limits withAuthFailures(int max, Duration delay) {
        return new Limits(maxLineLength, idleTimeout, max, delay, maxConnections, maxConnectionsPerIp);
    }

    public Limits withConnections(int total, int perIp) {
        return new Limits(maxLineLength, idleTimeout, maxAuthFailures, authFailureDelay, total, perIp);
    }

    private static void positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
