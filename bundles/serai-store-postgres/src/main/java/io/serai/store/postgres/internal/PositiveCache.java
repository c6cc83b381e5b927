package io.serai.store.postgres.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Look-ups that answered "yes" recently (this domain is local, this account exists), remembered for a few seconds:
 * SMTP asks them several times per recipient. Only positive answers are kept, so a domain or account created on
 * another node is found at once; one removed on another node is noticed within {@link #TTL_NANOS}, and at once on
 * this node (removals here call {@link #forget}).
 */
final class PositiveCache {
    static final long TTL_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int MAX = 10_000;

    private final Map<String, Long> until = new ConcurrentHashMap<>();

    boolean has(String key) {
        Long t = until.get(key);
        if (t == null) {
            return false;
        }
        if (System.nanoTime() - t > 0) {
            until.remove(key, t);
            return false;
        }
        return true;
    }

    void remember(String key) {
        if (until.size() >= MAX) {
            until.clear(); // crude bound; the cache refills from the next look-ups
        }
        until.put(key, System.nanoTime() + TTL_NANOS);
    }

    void forget(String key) {
        until.remove(key);
    }

    void clear() {
        until.clear();
    }
}
