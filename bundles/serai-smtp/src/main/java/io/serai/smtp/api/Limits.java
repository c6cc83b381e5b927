package io.serai.smtp.api;

import java.time.Duration;

/**
 * The resource limits of one listener. {@link #defaults()} gives values from RFC 5321 §4.5.3 where it has them.
 *
 * @param maxMessageSize       bytes of message data (SIZE, RFC 1870); larger messages get 552 5.3.4
 * @param maxRecipients        RCPTs per transaction; more get 452 4.5.3 (RFC 5321 §4.5.3.1.10 asks for at least 100)
 * @param maxLineLength        octets of a text line including CRLF (RFC 5321 §4.5.3.1.6: 1000)
 * @param commandTimeout       idle time waiting for a command (RFC 5321 §4.5.3.2.7: 5 minutes)
 * @param dataTimeout          idle time waiting for message data (RFC 5321 §4.5.3.2.5: 3 minutes per block)
 * @param maxConnections       concurrent connections to the listener
 * @param maxConnectionsPerIp  concurrent connections from one client address
 * @param maxErrors            erroneous commands per session before 421 and disconnect
 * @param maxAuthFailures      failed AUTH attempts per session before 421 and disconnect
 * @param authFailureDelay     delay before each failed AUTH reply, to slow down password guessing
 * @param spoolThreshold       message bytes kept in memory before spilling to a spool file
 */
public record Limits(
        long maxMessageSize,
        int maxRecipients,
        int maxLineLength,
        Duration commandTimeout,
        Duration dataTimeout,
        int maxConnections,
        int maxConnectionsPerIp,
        int maxErrors,
        int maxAuthFailures,
        Duration authFailureDelay,
        int spoolThreshold) {

    /** RFC 5321 §4.5.3.1.4: a command line is at most 512 octets including CRLF. */
    public static final int COMMAND_LINE_LENGTH = 512;

    /** RFC 4954 §4: AUTH lines may be up to 12288 octets. */
    public static final int AUTH_LINE_LENGTH = 12288;

    public Limits {
        positive(maxMessageSize, "maxMessageSize");
        positive(maxRecipients, "maxRecipients");
        if (maxLineLength < 1000) {
            throw new IllegalArgumentException("maxLineLength below the RFC 5321 minimum of 1000: " + maxLineLength);
        }
        positive(commandTimeout.toMillis(), "commandTimeout");
        positive(dataTimeout.toMillis(), "dataTimeout");
        positive(maxConnections, "maxConnections");
        positive(maxConnectionsPerIp, "maxConnectionsPerIp");
        positive(maxErrors, "maxErrors");
        positive(maxAuthFailures, "maxAuthFailures");
        if (authFailureDelay.isNegative()) {
            throw new IllegalArgumentException("authFailureDelay must not be negative");
        }
        if (spoolThreshold < 0) {
            throw new IllegalArgumentException("spoolThreshold must not be negative");
        }
    }

    public static Limits defaults() {
        return new Limits(35L * 1024 * 1024, 100, 1000, Duration.ofMinutes(5), Duration.ofMinutes(3),
                500, 20, 10, 3, Duration.ofSeconds(1), 64 * 1024);
    }

    public Limits withMaxMessageSize(long value) {
        return new Limits(value, maxRecipients, maxLineLength, commandTimeout, dataTimeout, maxConnections,
                maxConnectionsPerIp, maxErrors, maxAuthFailures, authFailureDelay, spoolThreshold);
    }

    public Limits withMaxRecipients(int value) {
        return new Limits(maxMessageSize, value, maxLineLength, commandTimeout, dataTimeout, maxConnections,
                maxConnectionsPerIp, maxErrors, maxAuthFailures, authFailureDelay, spoolThreshold);
    }

    public Limits withMaxLineLength(int value) {
        return new Limits(maxMessageSize, maxRecipients, value, commandTimeout, dataTimeout, maxConnections,
                maxConnectionsPerIp, maxErrors, maxAuthFailures, authFailureDelay, spoolThreshold);
    }

    public Limits withTimeouts(Duration command, Duration data) {
        return new Limits(maxMessageSize, maxRecipients, maxLineLength, command, data, maxConnections,
                maxConnectionsPerIp, maxErrors, maxAuthFailures, authFailureDelay, spoolThreshold);
    }

    public Limits withConnections(int total, int perIp) {
        return new Limits(maxMessageSize, maxRecipients, maxLineLength, commandTimeout, dataTimeout, total,
                perIp, maxErrors, maxAuthFailures, authFailureDelay, spoolThreshold);
    }

    public Limits withMaxErrors(int value) {
        return new Limits(maxMessageSize, maxRecipients, maxLineLength, commandTimeout, dataTimeout, maxConnections,
                maxConnectionsPerIp, value, maxAuthFailures, authFailureDelay, spoolThreshold);
    }

    public Limits withAuthFailures(int max, Duration delay) {
        return new Limits(maxMessageSize, maxRecipients, maxLineLength, commandTimeout, dataTimeout, maxConnections,
                maxConnectionsPerIp, maxErrors, max, delay, spoolThreshold);
    }

    public Limits withSpoolThreshold(int value) {
        return new Limits(maxMessageSize, maxRecipients, maxLineLength, commandTimeout, dataTimeout, maxConnections,
                maxConnectionsPerIp, maxErrors, maxAuthFailures, authFailureDelay, value);
    }

    private static void positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
