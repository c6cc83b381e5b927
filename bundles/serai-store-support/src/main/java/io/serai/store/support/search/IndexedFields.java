package io.serai.store.support.search;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import io.serai.store.api.mime.HeaderField;
import io.serai.store.api.mime.MessageStructure;

/**
 * Header values a store indexes at append so that SEARCH on them can run in its query engine, computed exactly as
 * the {@link SearchEvaluator} matches them: unfolded, RFC 2047-decoded and lower-cased. A store that keeps these
 * and tests "the indexed value contains the lower-cased needle" gets the same answer as the evaluator.
 */
public final class IndexedFields {

    /** The fields worth a column: what FROM, TO, CC, BCC and SUBJECT search (RFC 3501 section 6.4.4). */
    public static final String[] SEARCHED = {"from", "to", "cc", "bcc", "subject"};

    private IndexedFields() {
    }

    /**
     * Every occurrence of {@code field}, decoded and lower-cased, one per line; empty if the message has no such
     * field. A needle without a line break is contained in this text exactly when it is in one occurrence.
     */
    public static Optional<String> decoded(MessageStructure structure, byte[] header, String field) {
        String name = field.toLowerCase(Locale.ROOT);
        StringBuilder out = null;
        for (HeaderField f : structure.header()) {
            if (f.name().equals(name)) {
                out = out == null ? new StringBuilder() : out.append('\n');
                String value = AddressText.searchable(name, HeaderMatcher.decodedValue(header, f));
                out.append(value.toLowerCase(Locale.ROOT));
            }
        }
        return out == null ? Optional.empty() : Optional.of(out.toString());
    }

    /** The day of the Date header as written (what SENTBEFORE/SENTON/SENTSINCE compare), if it parses. */
    public static Optional<LocalDate> sentDay(MessageStructure structure, byte[] header) {
        for (HeaderField f : structure.header()) {
            if (f.name().equals("date")) {
                return SentDay.parse(HeaderMatcher.decodedValue(header, f));
            }
        }
        return Optional.empty();
    }
}
