package io.serai.store.api.search;

/** UID first:last, inclusive. */
public record UidRangeKey(long first, long last) implements SearchKey {
}
