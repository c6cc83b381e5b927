package io.serai.imap.protocol.process;

import io.serai.sasl.CredentialStore;
import io.serai.store.api.MailStore;

import java.time.Duration;
import java.util.Objects;

/**
 * What a session needs from the server: the store, the credentials and the policy knobs.
 *
 * @param allowPlaintextAuth whether LOGIN and AUTHENTICATE PLAIN/LOGIN work without TLS; off by default
 *                           (RFC 9051 §6.2.3 LOGINDISABLED, §11.1)
 * @param appendLimit        largest message accepted, reported as APPENDLIMIT (RFC 7889)
 * @param maxBadCommands     consecutive BAD answers after which the server says BYE and closes (RFC 9051 §7.1.5
 *                           lets a server close a connection that keeps sending garbage)
 * @param idleTimeout        how long an IDLE may last before {@code * BYE}; at least 29 minutes in production
 *                           (RFC 2177 §3: clients re-issue IDLE at least every 29 minutes), default
 *                           {@link #DEFAULT_IDLE_TIMEOUT}
 * @param maxPendingChanges  changes of the selected mailbox queued per session before it falls back to one full
 *                           resync (bounds memory when a session does not ask for a long time), default
 *                           {@link #DEFAULT_MAX_PENDING_CHANGES}
 */
public record ImapConfig(MailStore store, CredentialStore credentials, boolean allowPlaintextAuth, long appendLimit,
                         String serverName, int maxBadCommands, Duration idleTimeout, int maxPendingChanges) {

    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);
    public static final int DEFAULT_MAX_PENDING_CHANGES = 10_000;

    public ImapConfig {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (maxBadCommands < 1) {
            throw new IllegalArgumentException("maxBadCommands must be at least 1");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive");
        }
        if (maxPendingChanges < 1) {
            throw new IllegalArgumentException("maxPendingChanges must be at least 1");
        }
    }

    /** The defaults for the IDLE timeout and the pending-change bound. */
    public ImapConfig(MailStore store, CredentialStore credentials, boolean allowPlaintextAuth, long appendLimit,
                      String serverName, int maxBadCommands) {
        this(store, credentials, allowPlaintextAuth, appendLimit, serverName, maxBadCommands, DEFAULT_IDLE_TIMEOUT,
                DEFAULT_MAX_PENDING_CHANGES);
    }

    public ImapConfig withIdleTimeout(Duration timeout) {
        return new ImapConfig(store, credentials, allowPlaintextAuth, appendLimit, serverName, maxBadCommands, timeout,
                maxPendingChanges);
    }

    public ImapConfig withMaxPendingChanges(int max) {
        return new ImapConfig(store, credentials, allowPlaintextAuth, appendLimit, serverName, maxBadCommands,
                idleTimeout, max);
    }
}
