package io.serai.imap.protocol.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** RFC 9394 partial ranges: positions from the start or, negative, from the end. */
class ResultRangeTest {

    private static final long[] FIVE = {10, 20, 30, 40, 50};

    @Test
    void positiveRangesCountFromTheStart() {
        assertThat(new ResultRange(1, 1).slice(FIVE)).containsExactly(10);
        assertThat(new ResultRange(2, 4).slice(FIVE)).containsExactly(20, 30, 40);
        assertThat(new ResultRange(4, 2).slice(FIVE)).containsExactly(20, 30, 40);
        assertThat(new ResultRange(4, 2)).hasToString("2:4");
        assertThat(new ResultRange(3, 100).slice(FIVE)).containsExactly(30, 40, 50);
        assertThat(new ResultRange(6, 9).slice(FIVE)).isEmpty();
    }

    @Test
    void negativeRangesCountFromTheEnd() {
        assertThat(new ResultRange(-1, -1).slice(FIVE)).containsExactly(50);
        assertThat(new ResultRange(-1, -2).slice(FIVE)).containsExactly(40, 50);
        assertThat(new ResultRange(-3, -2).slice(FIVE)).containsExactly(30, 40);
        assertThat(new ResultRange(-3, -2)).hasToString("-2:-3");
        assertThat(new ResultRange(-1, -100).slice(FIVE)).containsExactly(10, 20, 30, 40, 50);
        assertThat(new ResultRange(-6, -9).slice(FIVE)).isEmpty();
        assertThat(new ResultRange(-1, -3).slice(new long[0])).isEmpty();
    }

    @Test
    void zeroAndMixedSignsAreRefused() {
        assertThatThrownBy(() -> new ResultRange(0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResultRange(-1, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
