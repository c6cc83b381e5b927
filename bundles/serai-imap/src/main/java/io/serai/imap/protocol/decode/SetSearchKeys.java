package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.SearchCriterion;
import io.serai.store.api.search.SearchKey;

import java.util.Map;

/**
 * ALL and {@code UID sequence-set} (RFC 9051 §6.4.4). A bare sequence set is read by {@link SearchKeyParser}
 * itself, as it has no name.
 */
final class SetSearchKeys {

    private static final SearchCriterion ALL = new SearchCriterion.Store(SearchKey.all());

    private SetSearchKeys() {
    }

    static void registerInto(Map<String, SearchKeyReader> readers) {
        readers.put("ALL", (in, nested) -> ALL);
        readers.put("UID", (in, nested) -> {
            in.sp();
            return new SearchCriterion.Messages(in.sequenceSet(), true);
        });
    }
}
