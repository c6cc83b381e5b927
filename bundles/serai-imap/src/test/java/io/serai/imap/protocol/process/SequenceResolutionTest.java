package io.serai.imap.protocol.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serai.imap.protocol.request.SequenceSet;
import io.serai.imap.protocol.request.SequenceSet.Range;

import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceResolutionTest {

    private final SelectedMailbox box = new SelectedMailbox(null, "INBOX", false, new long[] {3, 7, 8, 20});

    private static SequenceSet set(Range... ranges) {
        return new SequenceSet(List.of(ranges), false);
    }

    @Test
    void sequenceNumbersWithStarAndReversedRanges() {
        assertThat(box.resolve(set(new Range(2, SequenceSet.STAR)), false)).containsExactly(2, 3, 4);
        assertThat(box.resolve(set(new Range(3, 1), new Range(2, 2)), false)).containsExactly(1, 2, 3);
    }

    @Test
    void sequenceNumberBeyondExistsIsAnError() {
        assertThatThrownBy(() -> box.resolve(set(new Range(5, 5)), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> box.resolve(set(new Range(0, 1)), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void uidsSkipUnknownAndStarIsLargestUid() {
        assertThat(box.resolve(set(new Range(4, 8)), true)).containsExactly(2, 3);
        assertThat(box.resolve(set(new Range(100, SequenceSet.STAR)), true)).containsExactly(4); // RFC 9051 §6.4.9
        assertThat(box.resolve(set(new Range(21, 30)), true)).isEmpty();
    }
}
