package io.serai.store.karaf.command;

import java.util.Locale;

import io.serai.store.api.QuotaLimits;

/** Octet counts for people: 1.5M rather than 1572864, and back. */
final class Sizes {

    private static final String UNITS = "KMGT";

    private Sizes() {
    }

    static String human(long octets) {
        if (octets < 1024) {
            return octets + "B";
        }
        double value = octets;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length() - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.1f%c" : "%.0f%c", value, UNITS.charAt(unit));
    }

    static String quota(QuotaLimits limits) {
        String size = limits.maxOctets() == Long.MAX_VALUE ? "no size limit" : human(limits.maxOctets());
        String count = limits.maxMessages() == Long.MAX_VALUE ? "no message limit" : limits.maxMessages() + " messages";
        return size + ", " + count;
    }

    /** Parses 1234, 500K, 20M, 2G (powers of 1024). */
    static long parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.isEmpty()) {
            throw new IllegalArgumentException("Empty size");
        }
        long factor = 1;
        int unit = UNITS.indexOf(t.charAt(t.length() - 1));
        if (unit >= 0) {
            factor = 1L << (10 * (unit + 1));
            t = t.substring(0, t.length() - 1);
        }
        try {
            long value = Long.parseLong(t);
            if (value < 0) {
                throw new IllegalArgumentException("Size must not be negative: " + text);
            }
            return Math.multiplyExact(value, factor);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("Not a size: " + text + " (use e.g. 1024, 500K, 20M, 2G)");
        }
    }
}
