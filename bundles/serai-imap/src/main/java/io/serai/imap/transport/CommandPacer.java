package io.serai.imap.transport;

import java.util.function.LongSupplier;

/**
 * A token bucket per connection: {@code burst} commands at once, then {@code perSecond}. A command taken without
 * a token puts the bucket in debt; the transport then reads nothing until the debt is paid, so a fast client is
 * slowed down through TCP back-pressure rather than refused.
 */
final class CommandPacer {

    private final double perNano;
    private final double burst;
    private final LongSupplier clock;
    private double tokens;
    private long lastNanos;

    CommandPacer(int perSecond, int burst, LongSupplier nanoClock) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.clock = nanoClock;
        this.tokens = burst;
        this.lastNanos = nanoClock.getAsLong();
    }

    /** One command arrived. */
    void take() {
        refill();
        tokens -= 1;
    }

    /** How long to wait before reading more input: 0 while a token is left. */
    long nanosUntilReady() {
        refill();
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perNano);
    }

    private void refill() {
        long now = clock.getAsLong();
        tokens = Math.min(burst, tokens + (now - lastNanos) * perNano);
        lastNanos = now;
    }
}
