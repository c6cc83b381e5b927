package io.serai.imap.transport;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Slows down password guessing across connections: each failed login from an address or for an account doubles
 * the delay before the next failure reply (first, 2×first, 4×first … up to max). Reconnecting does not help, as
 * the counts belong to the listener. Counts are forgotten {@link #FORGET_AFTER} after the last failure, and a
 * successful login clears its account's count (not its address's: an attacker's own account must not reset it).
 */
final class LoginThrottle {

    static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    /** Above this many tracked keys, expired ones are dropped on the next failure. */
    private static final int PURGE_ABOVE = 10_000;

    private record Failures(int count, long lastNanos) {
    }

    private final long firstNanos;
    private final long maxNanos;
    private final LongSupplier clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(Duration first, Duration max, LongSupplier nanoClock) {
        this.firstNanos = first.toNanos();
        this.maxNanos = max.toNanos();
        this.clock = nanoClock;
    }

    /** Records a failed login and returns the delay in nanoseconds before its reply. */
    long failed(InetAddress address, String user) {
        long now = clock.getAsLong();
        if (failures.size() > PURGE_ABOVE) {
            failures.values().removeIf(f -> expired(f, now));
        }
        int count = record("ip:" + address.getHostAddress(), now);
        if (user != null) {
            count = Math.max(count, record("user:" + user.toLowerCase(Locale.ROOT), now));
        }
        return delay(count);
    }

    /** {@code user} logged in: failures for the account are forgiven. */
    void succeeded(String user) {
        failures.remove("user:" + user.toLowerCase(Locale.ROOT));
    }

    private int record(String key, long now) {
        return failures.merge(key, new Failures(1, now),
                (old, one) -> new Failures(expired(old, now) ? 1 : old.count() + 1, now)).count();
    }

    private long delay(int count) {
        if (firstNanos == 0) {
            return 0;
        }
        int doublings = Math.min(count - 1, 62 - (63 - Long.numberOfLeadingZeros(firstNanos)));
        return Math.min(firstNanos << Math.max(0, doublings), maxNanos);
    }

    private static boolean expired(Failures f, long now) {
        return now - f.lastNanos() > FORGET_AFTER.toNanos();
    }
}
