package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.SearchCriterion;
import io.serai.store.api.search.TextKey;

import java.util.Map;

/** {@code BODY string} and {@code TEXT string} (RFC 9051 §6.4.4): substring search in the body, or header and body. */
final class TextSearchKeys {

    private TextSearchKeys() {
    }

    static void registerInto(Map<String, SearchKeyReader> readers) {
        for (TextKey.Scope scope : TextKey.Scope.values()) {
            readers.put(scope.name(), (in, nested) -> {
                in.sp();
                return new SearchCriterion.Store(new TextKey(scope, SearchStrings.read(in)));
            });
        }
    }
}
