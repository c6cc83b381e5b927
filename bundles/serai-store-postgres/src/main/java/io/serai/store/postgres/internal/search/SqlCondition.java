package io.serai.store.postgres.internal.search;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.serai.store.api.search.AllKey;
import io.serai.store.api.search.AndKey;
import io.serai.store.api.search.DateKey;
import io.serai.store.api.search.FlagKey;
import io.serai.store.api.search.HeaderKey;
import io.serai.store.api.search.KeywordKey;
import io.serai.store.api.search.ModSeqKey;
import io.serai.store.api.search.NotKey;
import io.serai.store.api.search.OrKey;
import io.serai.store.api.search.SearchKey;
import io.serai.store.api.search.SizeKey;
import io.serai.store.api.search.TextKey;
import io.serai.store.api.search.UidRangeKey;

/**
 * A SEARCH key as an SQL condition over {@code message m JOIN content c}. Keys on flags, keywords, sizes, UIDs,
 * MODSEQs, dates and the indexed headers translate exactly; the rest (body text, other headers) do not, and then
 * the condition is a superset (what SQL can rule out) and the key is evaluated on the rows it leaves. Every leaf
 * is NULL-free, so NOT never turns an unknown into a match.
 *
 * @param sql    the condition, with {@code ?} placeholders
 * @param params their values, in order
 * @param exact  whether the condition is the whole key
 */
record SqlCondition(String sql, List<Object> params, boolean exact) {

    /** Whether the condition reads the content row (indexed headers, sent date): only then is it joined. */
    boolean readsContent() {
        return sql.contains("c.hdr_") || sql.contains("c.sent_day");
    }

    private static final Set<String> INDEXED = Set.of("from", "to", "cc", "bcc", "subject");
    private static final SqlCondition TRUE_EXACT = new SqlCondition("TRUE", List.of(), true);
    private static final SqlCondition TRUE_SUPERSET = new SqlCondition("TRUE", List.of(), false);

    static SqlCondition of(SearchKey key) {
        if (key instanceof AllKey) {
            return TRUE_EXACT;
        } else if (key instanceof AndKey and) {
            return and(and.keys());
        } else if (key instanceof OrKey or) {
            SqlCondition l = of(or.left());
            SqlCondition r = of(or.right());
            if (!l.exact || !r.exact) {
                return TRUE_SUPERSET;
            }
            return new SqlCondition("(" + l.sql + " OR " + r.sql + ")", concat(l.params, r.params), true);
        } else if (key instanceof NotKey not) {
            SqlCondition inner = of(not.key());
            return inner.exact ? new SqlCondition("NOT " + inner.sql, inner.params, true) : TRUE_SUPERSET;
        } else if (key instanceof FlagKey f) {
            return leaf("(m.flags & " + f.flag().bit() + ") " + (f.set() ? "<>" : "=") + " 0");
        } else if (key instanceof KeywordKey k) {
            String sql = "m.keywords @> ARRAY[?]::text[]";
            return leaf(k.set() ? "(" + sql + ")" : "NOT (" + sql + ")", k.keyword().toLowerCase(Locale.ROOT));
        } else if (key instanceof SizeKey s) {
            return leaf("(m.size " + (s.larger() ? ">" : "<") + " ?)", s.octets());
        } else if (key instanceof UidRangeKey u) {
            return leaf("(m.uid BETWEEN ? AND ?)", u.first(), u.last());
        } else if (key instanceof ModSeqKey ms) {
            return leaf("(m.modseq >= ?)", ms.atLeast());
        } else if (key instanceof DateKey d) {
            return date(d);
        } else if (key instanceof HeaderKey h) {
            return header(h);
        } else if (key instanceof TextKey) {
            return TRUE_SUPERSET;
        }
        throw new IllegalArgumentException("unsupported search key " + key);
    }

    private static SqlCondition and(List<SearchKey> keys) {
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        boolean exact = true;
        for (SearchKey k : keys) {
            SqlCondition c = of(k);
            exact &= c.exact;
            if (!c.sql.equals("TRUE")) {
                parts.add(c.sql);
                params.addAll(c.params);
            }
        }
        if (parts.isEmpty()) {
            return exact ? TRUE_EXACT : TRUE_SUPERSET;
        }
        return new SqlCondition("(" + String.join(" AND ", parts) + ")", params, exact);
    }

    private static SqlCondition date(DateKey d) {
        String op = switch (d.comparison()) {
            case BEFORE -> "<";
            case ON -> "=";
            case SINCE -> ">=";
        };
        Date day = Date.valueOf(d.date());
        return switch (d.field()) {
            case INTERNAL -> leaf("((m.internal_date AT TIME ZONE 'UTC')::date " + op + " ?)", day);
            // RFC 8514 section 4.3; rows from before save dates were kept compare their internal date
            case SAVED -> leaf("((COALESCE(m.save_date, m.internal_date) AT TIME ZONE 'UTC')::date " + op + " ?)",
                    day);
            case SENT -> leaf("(c.sent_day IS NOT NULL AND c.sent_day " + op + " ?)", day);
        };
    }

    private static SqlCondition header(HeaderKey h) {
        String field = h.field().toLowerCase(Locale.ROOT);
        if (!INDEXED.contains(field) || h.value().indexOf('\n') >= 0) {
            return TRUE_SUPERSET;
        }
        String column = "c.hdr_" + field;
        if (h.value().isEmpty()) {
            return leaf("(" + column + " IS NOT NULL)");
        }
        // strpos, not LIKE: the needle is matched literally, with no escaping of % and _
        return leaf("(" + column + " IS NOT NULL AND strpos(" + column + ", ?) > 0)", h.value().toLowerCase(Locale.ROOT));
    }

    private static SqlCondition leaf(String sql, Object... params) {
        return new SqlCondition(sql, List.of(params), true);
    }

    private static List<Object> concat(List<Object> a, List<Object> b) {
        List<Object> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
