package io.serai.imap.protocol.request;

import java.util.List;

/**
 * A {@code sequence-set} (RFC 9051 §9): ranges of message sequence numbers or UIDs where {@code *} is the largest
 * number in use, or {@code $}, the saved search result (RFC 5182, part of IMAP4rev2).
 *
 * @param ranges      the ranges as written; {@code low} may be larger than {@code high} ("4:2" means "2:4")
 * @param savedResult whether the set is {@code $}
 */
public record SequenceSet(List<Range> ranges, boolean savedResult) {

    /** Stands for {@code *} in a {@link Range}. */
    public static final long STAR = -1;

    public static final SequenceSet SAVED = new SequenceSet(List.of(), true);

    public SequenceSet {
        ranges = List.copyOf(ranges);
    }

    /** One {@code seq-number} or {@code seq-range}; a single number has {@code low == high}. */
    public record Range(long low, long high) {

        /** The smaller end once {@code *} is {@code largest} (RFC 9051 §9: "*:4" equals "4:*"). */
        public long first(long largest) {
            return Math.min(resolve(low, largest), resolve(high, largest));
        }

        public long last(long largest) {
            return Math.max(resolve(low, largest), resolve(high, largest));
        }

        private static long resolve(long n, long largest) {
            return n == STAR ? largest : n;
        }
    }

    /** Whether {@code n} is in the set when the largest number in use is {@code largest}. */
    public boolean contains(long n, long largest) {
        for (Range r : ranges) {
            if (n >= r.first(largest) && n <= r.last(largest)) {
                return true;
            }
        }
        return false;
    }
}
