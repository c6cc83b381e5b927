package io.serai.store.api;

/**
 * A mailbox name the store does not accept: empty, a leading, trailing or doubled hierarchy delimiter, a LIST wildcard
 * ({@code *} or {@code %}, which RFC 3501 §5.1 says SHOULD NOT be used because LIST could not name it alone), or
 * too long. The client's mistake, not the store's: IMAP answers it {@code NO [CANNOT]} (RFC 5530 §3).
 */
public class InvalidNameException extends StoreException {
    private static final long serialVersionUID = 1L;

    public InvalidNameException(String message) {
        super(message);
    }
}
