package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.SearchCriterion;
import io.serai.store.api.SystemFlag;
import io.serai.store.api.search.FlagKey;
import io.serai.store.api.search.KeywordKey;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Flag keys: ANSWERED, DELETED, DRAFT, FLAGGED, SEEN and their UN- forms, KEYWORD / UNKEYWORD, and the IMAP4rev1
 * RECENT, NEW (RECENT UNSEEN) and OLD (NOT RECENT) of RFC 3501 §6.4.4. {@code \Recent} belongs to the session, so
 * RECENT stays symbolic until the processor resolves it; an IMAP4rev2 session has no recent messages.
 */
final class FlagSearchKeys {

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
        SearchCriterion recent = new SearchCriterion.Recent();
        readers.put("RECENT", (in, nested) -> recent);
        readers.put("NEW", (in, nested) -> new SearchCriterion.And(List.of(recent,
                new SearchCriterion.Store(new FlagKey(SystemFlag.SEEN, false)))));
        readers.put("OLD", (in, nested) -> new SearchCriterion.Not(recent));
        readers.put("KEYWORD", (in, nested) -> keyword(in, true));
        readers.put("UNKEYWORD", (in, nested) -> keyword(in, false));
    }

    private static SearchCriterion keyword(ArgumentReader in, boolean set) throws DecodeException {
        in.sp();
        return new SearchCriterion.Store(new KeywordKey(in.atom(), set));
    }
}
