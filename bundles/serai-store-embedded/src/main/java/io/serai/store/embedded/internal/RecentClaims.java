package io.serai.store.embedded.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each mailbox's unclaimed {@code \Recent} messages start (RFC 3501 §2.3.2). Kept in memory: an embedded store
 * has one process, so one map serves every session. After a restart nothing that was there before is recent (the
 * map starts at each mailbox's UIDNEXT when the store opens); mailboxes created later start at UID 1. \Recent is a
 * hint for IMAP4rev1 clients, and RFC 9051 dropped it; losing it on restart loses no mail or flag.
 */
final class RecentClaims {

    private final Map<Long, Long> firstUnclaimed = new ConcurrentHashMap<>();

    /** The mailbox existed when the store opened: what it held then is not recent. */
    void opened(long mailboxId, long uidNext) {
        firstUnclaimed.put(mailboxId, uidNext);
    }

    /** Moves the mailbox's first unclaimed UID up to {@code uidNext}; returns where it was (at most uidNext). */
    long claim(long mailboxId, long uidNext) {
        long[] previous = new long[1];
        firstUnclaimed.compute(mailboxId, (id, first) -> {
            long from = first == null ? 1 : first;
            previous[0] = Math.min(from, uidNext);
            return Math.max(from, uidNext);
        });
        return previous[0];
    }

    long first(long mailboxId) {
        return firstUnclaimed.getOrDefault(mailboxId, 1L);
    }

    void forget(long mailboxId) {
        firstUnclaimed.remove(mailboxId);
    }
}
