package io.serai.imap.protocol.response;

import java.util.Arrays;

/**
 * {@code * VANISHED [(EARLIER)] known-uids} (RFC 7162 §3.2.10): UIDs that are gone, replacing EXPUNGE once QRESYNC
 * is enabled. Held as UID ranges, not single UIDs, so that VANISHED (EARLIER) over a long history stays small.
 *
 * @param earlier {@code (EARLIER)}: the UIDs were expunged before this command, not just now
 * @param ranges  ascending, disjoint {@code [first, last]} pairs, flattened
 */
public record VanishedResponse(boolean earlier, long[] ranges) implements ImapResponse {

    public VanishedResponse {
        if (ranges.length % 2 != 0) {
            throw new IllegalArgumentException("ranges come in pairs");
        }
        ranges = ranges.clone();
    }

    /** From single UIDs, ascending. */
    public static VanishedResponse of(boolean earlier, long[] uids) {
        long[] sorted = uids.clone();
        Arrays.sort(sorted);
        long[] ranges = new long[sorted.length * 2];
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (n > 0 && sorted[i] <= ranges[n - 1] + 1) {
                ranges[n - 1] = Math.max(ranges[n - 1], sorted[i]);
            } else {
                ranges[n++] = sorted[i];
                ranges[n++] = sorted[i];
            }
        }
        return new VanishedResponse(earlier, Arrays.copyOf(ranges, n));
    }

    @Override
    public long[] ranges() {
        return ranges.clone();
    }

    public boolean isEmpty() {
        return ranges.length == 0;
    }
}
