package io.serai.store.transfer.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code From } line that starts each message in an mbox file (RFC 4155 appendix A): the envelope sender
 * and the delivery time in UTC, in the fixed asctime format {@code Thu Nov  2 10:15:00 2023}.
 */
public final class FromLine {
    public static final String PREFIX = "From ";
    public static final String NO_SENDER = "MAILER-DAEMON";

    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy",
            Locale.US);
    private static final DateTimeFormatter LENIENT = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy",
            Locale.US);

    /**
     * The sender and, if it can be read, the date of a From line. Writers disagree on the details (a time zone
     * before the year, {@code remote from} after it), so only the five asctime fields are required.
     */
    public record Parsed(String sender, Optional<Instant> date) {
    }

    private FromLine() {
    }

    public static String format(String sender, Instant date) {
        String s = sender.isBlank() ? NO_SENDER : sender.strip().replaceAll("\\s", "_");
        return PREFIX + s + " " + ASCTIME.format(LocalDateTime.ofInstant(date, ZoneOffset.UTC));
    }

    /** @param line the line without its line end */
    public static Parsed parse(String line) {
        String[] f = line.substring(PREFIX.length()).trim().split("\\s+");
        if (f.length < 6) {
            return new Parsed(f.length > 0 ? f[0] : "", Optional.empty());
        }
        String year = f[5].matches("\\d{4}") ? f[5] : f.length > 6 && f[6].matches("\\d{4}") ? f[6] : null;
        if (year == null) {
            return new Parsed(f[0], Optional.empty());
        }
        try {
            LocalDateTime t = LocalDateTime.parse(f[1] + " " + f[2] + " " + f[3] + " " + f[4] + " " + year, LENIENT);
            return new Parsed(f[0], Optional.of(t.toInstant(ZoneOffset.UTC)));
        } catch (DateTimeParseException e) {
            return new Parsed(f[0], Optional.empty());
        }
    }
}
