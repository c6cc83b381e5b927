package io.serai.store.api.search;

import java.time.LocalDate;

/**
 * BEFORE/ON/SINCE (internal date, its day in UTC) and SENTBEFORE/SENTON/SENTSINCE (the Date header's day as written,
 * in its own zone), compared as dates (RFC 3501 section 6.4.4: "disregarding time and timezone").
 */
public record DateKey(Field field, Comparison comparison, LocalDate date) implements SearchKey {
    public enum Field { INTERNAL, SENT }

    public enum Comparison { BEFORE, ON, SINCE }
}
