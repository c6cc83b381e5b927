package io.serai.store.tck;

import io.serai.store.api.MailStore;
import io.serai.store.api.StoreException;

/**
 * How a contract test gets the store under test. Each test method has its own location (a directory, a database
 * schema); {@link #open} opens the store there, and opening again after {@code close()} opens the same data, as a
 * restart would.
 */
@FunctionalInterface
public interface StoreFixture {
    MailStore open() throws StoreException;
}
