package io.serai.routes.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesUpToTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), 2);
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.delayAfter(6)).isEqualTo(Duration.ofMinutes(32));
        assertThat(backoff.delayAfter(7)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.delayAfter(500)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofHours(1), 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofHours(2), Duration.ofHours(1), 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
