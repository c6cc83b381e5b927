package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.SearchCriterion;

import java.util.Map;

/** {@code NOT search-key} and {@code OR search-key1 search-key2} (RFC 9051 §6.4.4). */
final class LogicSearchKeys {

    private LogicSearchKeys() {
    }

    static void registerInto(Map<String, SearchKeyReader> readers) {
        readers.put("NOT", (in, nested) -> {
            in.sp();
            return new SearchCriterion.Not(nested.key());
        });
        readers.put("OR", (in, nested) -> {
            in.sp();
            SearchCriterion left = nested.key();
            in.sp();
            return new SearchCriterion.Or(left, nested.key());
        });
    }
}
