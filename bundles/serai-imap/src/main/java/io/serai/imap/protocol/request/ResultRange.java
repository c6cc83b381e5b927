package io.serai.imap.protocol.request;

import java.util.Arrays;

/**
 * {@code partial-range} (RFC 9394 §3): positions in a result, 1-based, {@code first <= last}. Negative positions
 * count from the end ({@code -1} is the last), so {@code -1:-100} are the last hundred. Both ends have the same sign.
 */
public record ResultRange(long first, long last) {

    public ResultRange {
        if (first == 0 || last == 0 || (first < 0) != (last < 0)) {
            throw new IllegalArgumentException("partial range ends must be non-zero and of one sign");
        }
        if (Math.abs(first) > Math.abs(last)) { // "4:2" means "2:4" (as Dovecot answers it)
            long t = first;
            first = last;
            last = t;
        }
    }

    /** The elements of {@code ordered} at these positions, in the same order; empty when none are in range. */
    public long[] slice(long[] ordered) {
        long from;
        long to;
        if (first > 0) {
            from = first - 1;
            to = Math.min(last, ordered.length);
        } else {
            // -1:-3 are the last three: positions n-2..n, written as n + first + 1 .. n + last + 1 from the end
            from = Math.max(0, ordered.length + last);
            to = ordered.length + first + 1;
        }
        return from >= to ? new long[0] : Arrays.copyOfRange(ordered, (int) from, (int) to);
    }

    /** As the client wrote it, ends in order: {@code 1:10} or {@code -1:-10}. */
    @Override
    public String toString() {
        return first + ":" + last;
    }
}
