package io.serai.pop3.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A parsed command line (RFC 1939 §3): a case-insensitive keyword and the rest of the line. Arguments are split
 * on single spaces when asked, so PASS can take a password containing spaces.
 */
record Command(String keyword, String rest) {

    static Command parse(byte[] line) {
        String text = new String(line, StandardCharsets.ISO_8859_1);
        int space = text.indexOf(' ');
        String keyword = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
        return new Command(keyword, space < 0 ? "" : text.substring(space + 1));
    }

    String[] args() {
        return rest.isEmpty() ? new String[0] : rest.split(" ", -1);
    }

    /** A message number or line count: decimal digits only, else -1. */
    static long number(String arg) {
        if (arg.isEmpty() || arg.length() > 18) {
            return -1;
        }
        for (int i = 0; i < arg.length(); i++) {
            if (arg.charAt(i) < '0' || arg.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(arg);
    }
}
