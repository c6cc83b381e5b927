package io.serai.store.api;

/**
 * The store cannot be reached right now (its database is down or restarting, the connection broke): a temporary
 * condition, worth trying again later. SMTP maps it to 451 4.3.0 (RFC 5321 section 4.2.5), IMAP to
 * NO [UNAVAILABLE] (RFC 5530 section 3), POP3 to -ERR [SYS/TEMP] (RFC 3206).
 *
 * <p>If the connection broke while a change was being committed, the store cannot know whether it was; the caller
 * reports failure, and a client that tries again may create a duplicate, never a loss.
 */
public class StoreUnavailableException extends StoreException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
