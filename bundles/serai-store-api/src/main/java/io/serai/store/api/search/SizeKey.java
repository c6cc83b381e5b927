package io.serai.store.api.search;

/** LARGER n (larger = true) or SMALLER n. */
public record SizeKey(boolean larger, long octets) implements SearchKey {
}
