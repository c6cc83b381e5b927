package io.serai.store.postgres.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Look-ups that answered "yes" recently (this domain is local, this account exists, this account's INBOX has this
 * id), remembered for a few seconds: SMTP asks them several times per recipient and once per delivered message.
 * Only positive answers are kept, so a domain or account created on another node is found at once; one removed on
 * another node is noticed within {@link #TTL_NANOS}, and at once on this node (removals here call {@link #forget}).
 */
final class PositiveCache {
    static final long TTL_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int MAX = 10_000;

    private record Entry(long until, long value) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    boolean has(String key) {
        return value(key) != null;
    }

    /** The value remembered for {@code key}, or null if there is none or it has expired. */
    Long value(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (System.nanoTime() - e.until > 0) {
            entries.remove(key, e);
            return null;
        }
        return e.value;
    }

    void remember(String key) {
        remember(key, 0);
    }

    void remember(String key, long value) {
        if (entries.size() >= MAX) {
            entries.clear(); // crude bound; the cache refills from the next look-ups
        }
        entries.put(key, new Entry(System.nanoTime() + TTL_NANOS, value));
    }

    void forget(String key) {
        entries.remove(key);
    }

    void clear() {
        entries.clear();
    }
}
