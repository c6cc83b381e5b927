package io.serai.store.api.search;

/** NOT key. */
public record NotKey(SearchKey key) implements SearchKey {
}
