package io.serai.store.api;

/** The named domain, account, mailbox or message does not exist. */
public class NotFoundException extends StoreException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
