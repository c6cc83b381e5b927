package io.serai.smtp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TraceDateTest {

    private static final DateTimeFormatter RFC_5322 =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    @Test
    void formatsLikeTheRfc5322PatternInUtc() {
        assertThat(format(Instant.parse("2026-11-26T21:05:09.750Z"))).isEqualTo("Thu, 26 Nov 2026 21:05:09 +0000");
        assertThat(format(Instant.parse("2000-02-29T00:00:00Z"))).isEqualTo("Tue, 29 Feb 2000 00:00:00 +0000");
        Random random = new Random(5322);
        for (int i = 0; i < 10_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE), random.nextInt(1_000_000_000));
            assertThat(format(t)).isEqualTo(RFC_5322.format(t));
        }
    }

    private static String format(Instant instant) {
        return TraceDate.append(new StringBuilder(), instant).toString();
    }
}
