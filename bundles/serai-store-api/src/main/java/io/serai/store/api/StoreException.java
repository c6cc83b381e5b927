package io.serai.store.api;

import java.io.IOException;

/** Any failure of the store. It is an IOException so stream-based callers handle one type. */
public class StoreException extends IOException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
