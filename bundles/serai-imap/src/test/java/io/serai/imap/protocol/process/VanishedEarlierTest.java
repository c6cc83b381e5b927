package io.serai.imap.protocol.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.imap.protocol.encode.ResponseEncoder;
import io.serai.imap.protocol.request.SequenceSet;
import io.serai.imap.protocol.response.VanishedResponse;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The UID gaps reported as VANISHED (EARLIER), written as ranges (RFC 7162 §3.2.5.1, §3.2.10). */
class VanishedEarlierTest {

    private static String wire(VanishedResponse r) {
        return new String(new ResponseEncoder().encode(r, false), StandardCharsets.US_ASCII);
    }

    private static SequenceSet set(long... pairs) {
        java.util.ArrayList<SequenceSet.Range> ranges = new java.util.ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            ranges.add(new SequenceSet.Range(pairs[i], pairs[i + 1]));
        }
        return new SequenceSet(ranges, false);
    }

    @Test
    void gapsBetweenExistingUidsBelowUidNext() {
        long[] existing = {3, 4, 8};
        assertThat(wire(VanishedEarlier.of(set(1, SequenceSet.STAR), existing, 11)))
                .isEqualTo("* VANISHED (EARLIER) 1:2,5:7,9:10\r\n");
        // overlapping and unordered ranges of the client; UIDs at or above UIDNEXT never existed
        assertThat(wire(VanishedEarlier.of(set(9, 20, 2, 5, 4, 6), existing, 11)))
                .isEqualTo("* VANISHED (EARLIER) 2,5:6,9:10\r\n");
        assertThat(VanishedEarlier.of(set(3, 4), existing, 11).isEmpty()).isTrue();
        assertThat(VanishedEarlier.of(set(1, SequenceSet.STAR), new long[0], 1).isEmpty()).isTrue();
    }

    @Test
    void aHugeUidSpaceCostsItsRangesNotItsSize() {
        long[] existing = {5, 4_000_000_000L};
        VanishedResponse r = VanishedEarlier.of(set(1, SequenceSet.STAR), existing, 4_294_967_295L);
        assertThat(r.ranges()).containsExactly(1, 4, 6, 3_999_999_999L, 4_000_000_001L, 4_294_967_294L);
    }

    @Test
    void singleUidsBecomeRanges() {
        assertThat(wire(VanishedResponse.of(false, new long[] {9, 3, 4, 5, 7}))).isEqualTo("* VANISHED 3:5,7,9\r\n");
        assertThat(VanishedResponse.of(false, new long[0]).isEmpty()).isTrue();
    }

    @Test
    void theExactFormKeepsTheLoggedUidsInsideTheSetAndNotStillShown() {
        long[] expunged = {2, 3, 4, 7, 9, 12};
        assertThat(wire(VanishedEarlier.exact(set(1, SequenceSet.STAR), expunged, 13, new long[] {9})))
                .isEqualTo("* VANISHED (EARLIER) 2:4,7,12\r\n");
        assertThat(wire(VanishedEarlier.exact(set(3, 8), expunged, 13, new long[0])))
                .isEqualTo("* VANISHED (EARLIER) 3:4,7\r\n");
        assertThat(VanishedEarlier.exact(set(5, 6), expunged, 13, new long[0]).isEmpty()).isTrue();
    }
}
