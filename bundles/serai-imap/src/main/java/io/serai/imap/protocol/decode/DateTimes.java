package io.serai.imap.protocol.decode;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** IMAP {@code date-time} (APPEND, RFC 9051 §9) and {@code date} (SEARCH) values. */
public final class DateTimes {

    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");

    private DateTimes() {
    }

    /** {@code DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone DQUOTE}, e.g. {@code " 7-Jul-1996 02:44:25 -0700"}. */
    public static OffsetDateTime dateTime(String s) throws DecodeException {
        if (s.length() != 26 || s.charAt(2) != '-' || s.charAt(6) != '-' || s.charAt(11) != ' '
                || s.charAt(14) != ':' || s.charAt(17) != ':' || s.charAt(20) != ' ') {
            throw new DecodeException(null, "Bad date-time");
        }
        int day = s.charAt(0) == ' ' ? digits(s, 1, 2) : digits(s, 0, 2);
        int month = month(s.substring(3, 6));
        int year = digits(s, 7, 11);
        int hour = digits(s, 12, 14);
        int minute = digits(s, 15, 17);
        int second = digits(s, 18, 20);
        char sign = s.charAt(21);
        if (sign != '+' && sign != '-') {
            throw new DecodeException(null, "Bad zone");
        }
        int zh = digits(s, 22, 24);
        int zm = digits(s, 24, 26);
        try {
            int offset = (sign == '-' ? -1 : 1) * (zh * 3600 + zm * 60);
            return OffsetDateTime.of(year, month, day, hour, minute, second, 0, ZoneOffset.ofTotalSeconds(offset));
        } catch (DateTimeException e) {
            throw new DecodeException(null, "Bad date-time");
        }
    }

    /** {@code date-text}: {@code date-day "-" date-month "-" date-year}, day with one or two digits. */
    public static LocalDate date(String s) throws DecodeException {
        int dash = s.indexOf('-');
        if ((dash != 1 && dash != 2) || s.length() != dash + 9 || s.charAt(dash + 4) != '-') {
            throw new DecodeException(null, "Bad date");
        }
        try {
            return LocalDate.of(digits(s, dash + 5, dash + 9), month(s.substring(dash + 1, dash + 4)),
                    digits(s, 0, dash));
        } catch (DateTimeException e) {
            throw new DecodeException(null, "Bad date");
        }
    }

    private static int month(String name) throws DecodeException {
        int m = MONTHS.indexOf(name.toUpperCase(Locale.ROOT));
        if (m < 0) {
            throw new DecodeException(null, "Bad month");
        }
        return m + 1;
    }

    private static int digits(String s, int from, int to) throws DecodeException {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new DecodeException(null, "Expected digit");
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
