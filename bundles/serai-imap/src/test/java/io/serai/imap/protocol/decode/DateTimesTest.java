package io.serai.imap.protocol.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DateTimesTest {

    @Test
    void appendDateTimeFromRfc9051() throws Exception {
        // RFC 9051 §6.3.12 APPEND example: "17-Jul-1996 02:44:25 -0700" (quotes removed by the string reader)
        assertThat(DateTimes.dateTime("17-Jul-1996 02:44:25 -0700"))
                .isEqualTo(OffsetDateTime.of(1996, 7, 17, 2, 44, 25, 0, ZoneOffset.ofHours(-7)));
        assertThat(DateTimes.dateTime(" 7-JUL-1996 02:44:25 +0130").getOffset())
                .isEqualTo(ZoneOffset.ofHoursMinutes(1, 30));
    }

    @Test
    void badDateTimesAreRejected() {
        assertThatThrownBy(() -> DateTimes.dateTime("7-Jul-1996 02:44:25 -0700")).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> DateTimes.dateTime("31-Feb-1996 02:44:25 -0700")).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> DateTimes.dateTime("17-Jux-1996 02:44:25 -0700")).hasMessageContaining("month");
        assertThatThrownBy(() -> DateTimes.dateTime("17-Jul-1996 02:44:25 0700")).isInstanceOf(DecodeException.class);
    }

    @Test
    void searchDates() throws Exception {
        assertThat(DateTimes.date("1-Feb-1994")).isEqualTo(LocalDate.of(1994, 2, 1));
        assertThat(DateTimes.date("01-feb-1994")).isEqualTo(LocalDate.of(1994, 2, 1));
        assertThatThrownBy(() -> DateTimes.date("1-Feb-94")).isInstanceOf(DecodeException.class);
    }
}
