package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.SearchCriterion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code search-key} (RFC 3501 §6.4.4, RFC 9051 §6.4.4, §9): a parenthesized list, a sequence set, or a named key
 * whose arguments one of the key families reads ({@link FlagSearchKeys}, {@link HeaderSearchKeys},
 * {@link TextSearchKeys}, {@link DateSearchKeys}, {@link SizeSearchKeys}, {@link SetSearchKeys},
 * {@link LogicSearchKeys}, {@link ModSeqSearchKeys}). Nesting (parentheses, NOT, OR) is bounded by
 * {@link #MAX_DEPTH} so a hostile command cannot exhaust the stack. Stateless and thread-safe.
 */
final class SearchKeyParser {

    /** Deepest nesting of parentheses, NOT and OR accepted; real clients stay far below. */
    static final int MAX_DEPTH = 64;

    private final Map<String, SearchKeyReader> readers = new HashMap<>();

    SearchKeyParser() {
        FlagSearchKeys.registerInto(readers);
        HeaderSearchKeys.registerInto(readers);
        TextSearchKeys.registerInto(readers);
        DateSearchKeys.registerInto(readers);
        SizeSearchKeys.registerInto(readers);
        SetSearchKeys.registerInto(readers);
        LogicSearchKeys.registerInto(readers);
        ModSeqSearchKeys.registerInto(readers);
    }

    /** {@code search-key *(SP search-key)} up to the end of the command: an implicit AND. */
    SearchCriterion keyList(ArgumentReader in) throws DecodeException {
        List<SearchCriterion> keys = new ArrayList<>();
        do {
            keys.add(key(in, 0));
        } while (separator(in));
        in.end();
        return keys.size() == 1 ? keys.get(0) : new SearchCriterion.And(keys);
    }

    /**
     * The SP between two keys, true when another key follows. A run of spaces counts as one, and spaces before a
     * closing parenthesis are dropped, as Dovecot reads them (RFC 9051 §9 has exactly one SP).
     */
    private static boolean separator(ArgumentReader in) {
        if (!in.tryConsume(' ')) {
            return false;
        }
        while (in.tryConsume(' ')) {
            // skip the run
        }
        return in.peek() != ')'; // at the end, the next key is missing: BAD, as before
    }

    private SearchCriterion key(ArgumentReader in, int depth) throws DecodeException {
        if (depth > MAX_DEPTH) {
            throw in.error("Search keys nested too deeply");
        }
        int c = in.peek();
        if (c == '(') {
            in.expect('(');
            while (in.tryConsume(' ')) {
                // "( FROM o )": James' MPT SearchCombinations pads parentheses; Dovecot accepts it
            }
            List<SearchCriterion> keys = new ArrayList<>();
            do {
                keys.add(key(in, depth + 1));
            } while (separator(in));
            in.expect(')');
            return keys.size() == 1 ? keys.get(0) : new SearchCriterion.And(keys);
        }
        if ((c >= '0' && c <= '9') || c == '*' || c == '$') {
            return new SearchCriterion.Messages(in.sequenceSet(), false);
        }
        if (!CharClass.isAtomChar(c)) {
            throw in.error("Expected search key");
        }
        String name = in.atom().toUpperCase(Locale.ROOT);
        SearchKeyReader reader = readers.get(name);
        if (reader == null) {
            throw in.error("Unknown search key " + name);
        }
        return reader.read(in, () -> key(in, depth + 1));
    }
}
