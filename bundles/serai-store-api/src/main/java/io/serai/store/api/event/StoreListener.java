package io.serai.store.api.event;

/** Receives committed changes. Called on a store executor, never on the committing thread. */
@FunctionalInterface
public interface StoreListener {
    void onEvent(StoreEvent event);
}
