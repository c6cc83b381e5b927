package io.serai.store.embedded;

import io.serai.store.api.StoreException;
import io.serai.store.embedded.internal.StoreImpl;

/** Opens embedded stores. Opening replays the journal and repairs what a crash left behind. */
public final class EmbeddedStores {
    private EmbeddedStores() {
    }

    /**
     * Opens (creating if needed) the store in {@code config.dataDirectory()}. Blocks for recovery; the
     * caller owns the store and must close it. Only one open store per directory (a file lock enforces it).
     */
    public static EmbeddedMailStore open(EmbeddedStoreConfig config) throws StoreException {
        return StoreImpl.open(config);
    }
}
