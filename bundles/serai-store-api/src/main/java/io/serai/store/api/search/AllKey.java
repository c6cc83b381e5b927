package io.serai.store.api.search;

/** ALL. */
public enum AllKey implements SearchKey {
    INSTANCE
}
