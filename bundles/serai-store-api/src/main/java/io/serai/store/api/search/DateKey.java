package io.serai.store.api.search;

import java.time.LocalDate;

/**
 * BEFORE/ON/SINCE (internal date, its day in UTC), SENTBEFORE/SENTON/SENTSINCE (the Date header's day as written,
 * in its own zone) and SAVEDBEFORE/SAVEDON/SAVEDSINCE (the save date's day in UTC, RFC 8514 section 4.3; the
 * internal date for a message without one), compared as dates (RFC 3501 section 6.4.4: "disregarding time and
 * timezone").
 */
public record DateKey(Field field, Comparison comparison, LocalDate date) implements SearchKey {
    public enum Field { INTERNAL, SENT, SAVED }

    public enum Comparison { BEFORE, ON, SINCE }
}
