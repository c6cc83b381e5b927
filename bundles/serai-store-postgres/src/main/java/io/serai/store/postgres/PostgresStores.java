package io.serai.store.postgres;

import io.serai.store.api.StoreException;
import io.serai.store.postgres.internal.PgMailStore;

/** Opens the PostgreSQL store. */
public final class PostgresStores {
    private PostgresStores() {
    }

    /**
     * Connects, migrates the schema to this bundle's newest version and starts listening for other nodes' changes.
     * Fails with {@link io.serai.store.api.StoreUnavailableException} while the database cannot be reached, so a
     * caller may retry.
     */
    public static PostgresMailStore open(PostgresStoreConfig config) throws StoreException {
        return PgMailStore.open(config);
    }
}
