package io.serai.camel.imapidle.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void growsByTheMultiplierUpToTheMaximumAndResets() {
        Backoff backoff = new Backoff(100, 1000, 2.0);
        assertThat(new long[] {backoff.next(), backoff.next(), backoff.next(), backoff.next(), backoff.next(),
            backoff.next()}).containsExactly(100, 200, 400, 800, 1000, 1000);
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(100);
    }

    @Test
    void multiplierOneKeepsTheDelayFixed() {
        Backoff backoff = new Backoff(250, 250, 1.0);
        assertThat(new long[] {backoff.next(), backoff.next()}).containsExactly(250, 250);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new Backoff(0, 10, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(10, 5, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(10, 50, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
