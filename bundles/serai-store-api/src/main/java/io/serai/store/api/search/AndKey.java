package io.serai.store.api.search;

import java.util.List;

/** All keys match (a SEARCH key list). */
public record AndKey(List<SearchKey> keys) implements SearchKey {
    public AndKey {
        keys = List.copyOf(keys);
    }
}
