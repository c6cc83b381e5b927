package io.serai.store.api.search;

import java.util.List;

/**
 * A SEARCH criterion. Strings are already decoded from the client's CHARSET; matching is a
 * case-insensitive substring test on decoded text, as RFC 3501 section 6.4.4 describes.
 */
public sealed interface SearchKey permits AllKey, AndKey, OrKey, NotKey, FlagKey, KeywordKey, HeaderKey,
        DateKey, SizeKey, TextKey, UidRangeKey, ModSeqKey {

    static SearchKey all() {
        return AllKey.INSTANCE;
    }

    default SearchKey and(SearchKey other) {
        return new AndKey(List.of(this, other));
    }

    default SearchKey or(SearchKey other) {
        return new OrKey(this, other);
    }

    default SearchKey not() {
        return new NotKey(this);
    }
}
