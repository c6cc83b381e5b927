package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.SearchCriterion;
import io.serai.store.api.SystemFlag;
import io.serai.store.api.search.FlagKey;
import io.serai.store.api.search.KeywordKey;
import io.serai.store.api.search.SearchKey;

import java.util.Locale;
import java.util.Map;

/**
 * Flag keys: ANSWERED, DELETED, DRAFT, FLAGGED, SEEN and their UN- forms, KEYWORD / UNKEYWORD, and the IMAP4rev1
 * RECENT, NEW, OLD (RFC 3501 §6.4.4). This server never sets {@code \Recent} (SELECT reports {@code RECENT 0}), so
 * RECENT and NEW (RECENT UNSEEN) match nothing and OLD matches everything.
 */
final class FlagSearchKeys {

    private static final SearchCriterion NOTHING = new SearchCriterion.Store(SearchKey.all().not());

    private FlagSearchKeys() {
    }

    static void registerInto(Map<String, SearchKeyReader> readers) {
        for (SystemFlag flag : SystemFlag.values()) {
            String name = flag.imapName().substring(1).toUpperCase(Locale.ROOT);
            SearchCriterion set = new SearchCriterion.Store(new FlagKey(flag, true));
            SearchCriterion unset = new SearchCriterion.Store(new FlagKey(flag, false));
            readers.put(name, (in, nested) -> set);
            readers.put("UN" + name, (in, nested) -> unset);
        }
        readers.put("RECENT", (in, nested) -> NOTHING);
        readers.put("NEW", (in, nested) -> NOTHING);
        readers.put("OLD", (in, nested) -> new SearchCriterion.Store(SearchKey.all()));
        readers.put("KEYWORD", (in, nested) -> keyword(in, true));
        readers.put("UNKEYWORD", (in, nested) -> keyword(in, false));
    }

    private static SearchCriterion keyword(ArgumentReader in, boolean set) throws DecodeException {
        in.sp();
        return new SearchCriterion.Store(new KeywordKey(in.atom(), set));
    }
}
