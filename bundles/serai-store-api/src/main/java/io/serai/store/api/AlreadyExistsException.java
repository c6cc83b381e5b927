package io.serai.store.api;

/** The domain, account, alias or mailbox to create already exists. */
public class AlreadyExistsException extends StoreException {
    private static final long serialVersionUID = 1L;

    public AlreadyExistsException(String message) {
        super(message);
    }
}
