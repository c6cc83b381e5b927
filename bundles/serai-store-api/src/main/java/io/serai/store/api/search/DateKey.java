package io.serai.store.api.search;

import java.time.LocalDate;

/** BEFORE/ON/SINCE (internal date) and SENTBEFORE/SENTON/SENTSINCE (Date header), compared as dates in UTC. */
public record DateKey(Field field, Comparison comparison, LocalDate date) implements SearchKey {
    public enum Field { INTERNAL, SENT }

    public enum Comparison { BEFORE, ON, SINCE }
}
