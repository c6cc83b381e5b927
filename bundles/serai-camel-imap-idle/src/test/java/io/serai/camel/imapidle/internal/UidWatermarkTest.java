package io.serai.camel.imapidle.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UidWatermarkTest {

    @Test
    void firstAlignmentAdoptsTheServersUidValidity() {
        UidWatermark watermark = new UidWatermark();
        assertThat(watermark.align(77)).isEqualTo(UidWatermark.Alignment.FIRST);
        assertThat(watermark.uidValidity()).isEqualTo(77);
        assertThat(watermark.lastUid()).isZero();
    }

    @Test
    void sameUidValidityContinuesAfterTheLastCommittedUid() {
        UidWatermark watermark = new UidWatermark();
        watermark.restore(77, 12);
        assertThat(watermark.align(77)).isEqualTo(UidWatermark.Alignment.CONTINUE);
        assertThat(watermark.lastUid()).isEqualTo(12);
    }

    @Test
    void changedUidValidityStartsAgainFromZero() {
        UidWatermark watermark = new UidWatermark();
        watermark.restore(77, 12);
        assertThat(watermark.align(78)).isEqualTo(UidWatermark.Alignment.CHANGED);
        assertThat(watermark.uidValidity()).isEqualTo(78);
        assertThat(watermark.lastUid()).isZero();
    }

    @Test
    void commitNeverMovesBackwards() {
        UidWatermark watermark = new UidWatermark();
        watermark.align(1);
        assertThat(watermark.commit(5)).isTrue();
        assertThat(watermark.commit(3)).isFalse();
        assertThat(watermark.commit(5)).isFalse();
        assertThat(watermark.lastUid()).isEqualTo(5);
    }
}
