package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.SearchCriterion;
import io.serai.store.api.search.DateKey;
import io.serai.store.api.search.SearchKey;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * BEFORE, ON, SINCE (internal date), SENTBEFORE, SENTON, SENTSINCE (the Date header) and SAVEDBEFORE, SAVEDON,
 * SAVEDSINCE (the save date, RFC 8514 §4.3) with {@code date = date-text / DQUOTE date-text DQUOTE}
 * (RFC 9051 §6.4.4, §9); and SAVEDATESUPPORTED.
 */
final class DateSearchKeys {

    private static final SearchCriterion SAVEDATE_SUPPORTED =
            new SearchCriterion.Store(SearchKey.all());

    private DateSearchKeys() {
    }

    static void registerInto(Map<String, SearchKeyReader> readers) {
        for (DateKey.Comparison comparison : DateKey.Comparison.values()) {
            readers.put(comparison.name(), (in, nested) -> date(in, DateKey.Field.INTERNAL, comparison));
            readers.put("SENT" + comparison.name(), (in, nested) -> date(in, DateKey.Field.SENT, comparison));
            // RFC 8514 §4.3: SAVEDBEFORE, SAVEDON, SAVEDSINCE
            readers.put("SAVED" + comparison.name(), (in, nested) -> date(in, DateKey.Field.SAVED, comparison));
        }
        // RFC 8514 §4.3: every message of a mailbox that keeps save dates, and both stores keep them
        readers.put("SAVEDATESUPPORTED", (in, nested) -> SAVEDATE_SUPPORTED);
    }

    private static SearchCriterion date(ArgumentReader in, DateKey.Field field, DateKey.Comparison comparison)
            throws DecodeException {
        in.sp();
        String text = in.peek() == '"' ? new String(in.string(), StandardCharsets.US_ASCII) : in.atom();
        try {
            return new SearchCriterion.Store(new DateKey(field, comparison, DateTimes.date(text)));
        } catch (DecodeException e) {
            throw in.error(e.getMessage());
        }
    }
}
