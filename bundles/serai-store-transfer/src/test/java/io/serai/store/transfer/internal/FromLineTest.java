package io.serai.store.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FromLineTest {

    @Test
    void formatsAsctimeInUtcWithASpacePaddedDay() {
        assertThat(FromLine.format("bob@example.net", Instant.parse("2023-11-02T10:15:00Z")))
                .isEqualTo("From bob@example.net Thu Nov  2 10:15:00 2023");
        assertThat(FromLine.format("", Instant.parse("2023-11-12T00:00:09Z")))
                .isEqualTo("From MAILER-DAEMON Sun Nov 12 00:00:09 2023");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "From bob@example.net Thu Nov  2 10:15:00 2023|bob@example.net|2023-11-02T10:15:00Z",
        "From bob@example.net Thu Nov 2 10:15:00 2023|bob@example.net|2023-11-02T10:15:00Z",
        "From a@b Thu Nov  2 10:15:00 UTC 2023|a@b|2023-11-02T10:15:00Z",
        "From a@b Thu Nov  2 10:15:00 2023 remote from x|a@b|2023-11-02T10:15:00Z",
        "From MAILER-DAEMON Sun Nov 12 00:00:09 2023|MAILER-DAEMON|2023-11-12T00:00:09Z"})
    void parsesTheCommonVariants(String line, String sender, String date) {
        assertThat(FromLine.parse(line)).isEqualTo(new FromLine.Parsed(sender, Optional.of(Instant.parse(date))));
    }

    @Test
    void anUnreadableDateIsEmptyNotAnError() {
        assertThat(FromLine.parse("From someone yesterday").date()).isEmpty();
        assertThat(FromLine.parse("From a@b Xyz Nov  2 10:15:00 2023").date()).isEmpty();
    }
}
