package io.serai.store.support.search;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import io.serai.store.api.mime.HeaderField;

/**
 * The day of a message's Date header as written, in the header's own zone: SENTBEFORE/SENTON/SENTSINCE compare it
 * "disregarding time and timezone" (RFC 3501 section 6.4.4). The stored sent date is an instant and has lost the
 * zone, so "Mon, 2 Nov 2026 23:30 -0800" would otherwise count as 3 November.
 */
final class SentDay {
    private SentDay() {
    }

    static Optional<LocalDate> of(SearchMessage m) {
        for (HeaderField f : m.structure().header()) {
            if (f.name().equals("date")) {
                return parse(HeaderMatcher.decodedValue(m.header(), f));
            }
        }
        return Optional.empty();
    }

    static Optional<LocalDate> parse(String value) {
        // comments such as "(PST)" and folding whitespace are legal in RFC 5322 dates but not in RFC_1123_DATE_TIME
        String s = value.replaceAll("\\([^)]*\\)", "").trim().replaceAll("\\s+", " ");
        try {
            return Optional.of(ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT))
                    .toLocalDate());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
