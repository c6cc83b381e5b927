package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.SearchCriterion;
import io.serai.store.api.search.SizeKey;

import java.util.Map;

/** {@code LARGER n} and {@code SMALLER n}: RFC822.SIZE strictly above or below n octets (RFC 9051 §6.4.4). */
final class SizeSearchKeys {

    private SizeSearchKeys() {
    }

    static void registerInto(Map<String, SearchKeyReader> readers) {
        readers.put("LARGER", (in, nested) -> size(in, true));
        readers.put("SMALLER", (in, nested) -> size(in, false));
    }

    private static SearchCriterion size(ArgumentReader in, boolean larger) throws DecodeException {
        in.sp();
        return new SearchCriterion.Store(new SizeKey(larger, in.number()));
    }
}
