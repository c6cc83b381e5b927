package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.SearchCriterion;
import io.serai.store.api.search.DateKey;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * BEFORE, ON, SINCE (internal date) and SENTBEFORE, SENTON, SENTSINCE (the Date header) with
 * {@code date = date-text / DQUOTE date-text DQUOTE} (RFC 9051 §6.4.4, §9).
 */
final class DateSearchKeys {

    private DateSearchKeys() {
    }

    static void registerInto(Map<String, SearchKeyReader> readers) {
        for (DateKey.Comparison comparison : DateKey.Comparison.values()) {
            readers.put(comparison.name(), (in, nested) -> date(in, DateKey.Field.INTERNAL, comparison));
            readers.put("SENT" + comparison.name(), (in, nested) -> date(in, DateKey.Field.SENT, comparison));
        }
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
