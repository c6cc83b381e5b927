package io.serai.store.api.search;

/** KEYWORD / UNKEYWORD. */
public record KeywordKey(String keyword, boolean set) implements SearchKey {
}
