package io.serai.camel.imapidle.internal;

/** Exponential back-off: initial, initial*multiplier, ... capped at max; {@link #reset} after a success. */
public final class Backoff {

    private final long initial;
    private final long max;
    private final double multiplier;
    private long next;

    public Backoff(long initial, long max, double multiplier) {
        if (initial <= 0 || max < initial || multiplier < 1.0) {
            throw new IllegalArgumentException("back-off needs 0 < initial <= max and multiplier >= 1, got "
                    + initial + ", " + max + ", " + multiplier);
        }
        this.initial = initial;
        this.max = max;
        this.multiplier = multiplier;
        this.next = initial;
    }

    /** The delay to wait now; the one after it is longer, up to max. */
    public long next() {
        long delay = next;
        next = (long) Math.min(max, Math.ceil(next * multiplier));
        return delay;
    }

    public void reset() {
        next = initial;
    }
}
