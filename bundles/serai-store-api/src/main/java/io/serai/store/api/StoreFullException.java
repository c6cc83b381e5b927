package io.serai.store.api;

/**
 * The store ran out of disk space; nothing of the failed operation is visible.
 * SMTP maps it to 452 (RFC 5321 section 4.5.3.1.10), IMAP to NO [OVERQUOTA]/[SERVERBUG].
 */
public class StoreFullException extends StoreException {
    private static final long serialVersionUID = 1L;

    public StoreFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
