package io.serai.store.support.search;

import java.io.StringReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.serai.store.api.StoreException;
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
 * Evaluates a key tree per message. Keys that metadata answers (flags, size, dates, UIDs) cost nothing;
 * header keys read only the header; body keys stream the message. And/Or short-circuit left to right.
 */
public final class SearchEvaluator {
    private SearchEvaluator() {
    }

    /** The UIDs of the messages that match, in the order given. */
    public static long[] search(SearchKey key, List<? extends SearchMessage> messages) throws StoreException {
        try {
            return messages.stream().filter(m -> matches(key, m)).mapToLong(m -> m.meta().uid()).toArray();
        } catch (UncheckedIOException e) {
            throw new StoreException("search failed reading a message", e.getCause());
        }
    }

    /** Whether one message matches. */
    public static boolean matches(SearchKey key, SearchMessage m) {
        if (key instanceof AllKey) {
            return true;
        } else if (key instanceof AndKey and) {
            return and.keys().stream().allMatch(k -> matches(k, m));
        } else if (key instanceof OrKey or) {
            return matches(or.left(), m) || matches(or.right(), m);
        } else if (key instanceof NotKey not) {
            return !matches(not.key(), m);
        } else if (key instanceof FlagKey f) {
            return m.meta().flags().has(f.flag()) == f.set();
        } else if (key instanceof KeywordKey k) {
            return m.meta().flags().keywords().contains(k.keyword().toLowerCase(Locale.ROOT)) == k.set();
        } else if (key instanceof SizeKey s) {
            return s.larger() ? m.meta().size() > s.octets() : m.meta().size() < s.octets();
        } else if (key instanceof UidRangeKey u) {
            return m.meta().uid() >= u.first() && m.meta().uid() <= u.last();
        } else if (key instanceof ModSeqKey ms) {
            return m.meta().modSeq() >= ms.atLeast();
        } else if (key instanceof DateKey d) {
            return matchesDate(d, m);
        } else if (key instanceof HeaderKey h) {
            return HeaderMatcher.matches(m, h.field(), h.value());
        } else if (key instanceof TextKey t) {
            return matchesText(t, m);
        }
        throw new IllegalArgumentException("unsupported search key " + key);
    }

    private static boolean matchesDate(DateKey d, SearchMessage m) {
        Optional<LocalDate> when = switch (d.field()) {
            case INTERNAL -> Optional.of(LocalDate.ofInstant(m.meta().internalDate(), ZoneOffset.UTC));
            case SAVED -> Optional.of(LocalDate.ofInstant(m.meta().savedDateOrInternal(), ZoneOffset.UTC));
            case SENT -> SentDay.of(m);
        };
        if (when.isEmpty()) {
            return false;
        }
        LocalDate day = when.get();
        return switch (d.comparison()) {
            case BEFORE -> day.isBefore(d.date());
            case ON -> day.isEqual(d.date());
            case SINCE -> !day.isBefore(d.date());
        };
    }

    private static boolean matchesText(TextKey t, SearchMessage m) {
        if (t.scope() == TextKey.Scope.TEXT) {
            try {
                if (BodyTextMatcher.contains(new StringReader(HeaderMatcher.decodedHeader(m)),
                        t.value().toLowerCase(Locale.ROOT))) {
                    return true;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return BodyTextMatcher.matches(m, t.value());
    }
}
