package io.serai.routes.relay;

import java.time.Duration;

/**
 * Exponential back-off between delivery attempts: {@code initial × factor^(attempts-1)}, at most {@code max}.
 * RFC 5321 §4.5.4.1 asks for at least 30 minutes between retries to one destination and a give-up time of
 * 4-5 days; the defaults of the relay (1 minute doubling to 1 hour, 5 days) stay close to that while
 * delivering quickly after a short outage of the smart host.
 */
record Backoff(Duration initial, Duration max, double factor) {

    Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || factor < 1) {
            throw new IllegalArgumentException("back-off needs 0 < initial <= max and factor >= 1");
        }
    }

    /** The wait after the {@code attempts}-th failed attempt (1 for the first). */
    Duration delayAfter(int attempts) {
        double millis = initial.toMillis() * Math.pow(factor, Math.max(0, attempts - 1));
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }
}
