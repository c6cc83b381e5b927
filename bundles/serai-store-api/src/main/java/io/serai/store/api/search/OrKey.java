package io.serai.store.api.search;

/** OR key1 key2. */
public record OrKey(SearchKey left, SearchKey right) implements SearchKey {
}
