package io.serai.smtp.protocol;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses {@code FROM:<path> [params]} and {@code TO:<path> [params]} (RFC 5321 §4.1.1.2, §4.1.1.3, §4.1.2).
 * Mailbox syntax is checked separately by {@link MailboxSyntax}.
 */
public final class PathParser {

    private static final Pattern KEYWORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");

    private PathParser() {
    }

    /**
     * @param keyword "FROM:" or "TO:" (case-insensitive)
     * @return the path and parameters, or empty on a syntax error
     */
    public static Optional<PathArguments> parse(String argument, String keyword) {
        if (!argument.regionMatches(true, 0, keyword, 0, keyword.length())) {
            return Optional.empty();
        }
        int i = keyword.length();
        // RFC 5321 has no space after the colon, but many clients send one; accepting it harms no one
        while (i < argument.length() && argument.charAt(i) == ' ') {
            i++;
        }
        if (i >= argument.length() || argument.charAt(i) != '<') {
            return Optional.empty();
        }
        int close = closingBracket(argument, i + 1);
        if (close < 0) {
            return Optional.empty();
        }
        String path = stripSourceRoute(argument.substring(i + 1, close));
        if (path == null) {
            return Optional.empty();
        }
        String rest = argument.substring(close + 1);
        if (!rest.isEmpty() && rest.charAt(0) != ' ') {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String token : rest.trim().split(" +")) {
            if (token.isEmpty()) {
                continue;
            }
            int eq = token.indexOf('=');
            String key = (eq < 0 ? token : token.substring(0, eq)).toUpperCase(Locale.ROOT);
            String value = eq < 0 ? "" : token.substring(eq + 1);
            if (!KEYWORD.matcher(key).matches() || (eq >= 0 && value.isEmpty())
                    || parameters.putIfAbsent(key, value) != null) {
                return Optional.empty();
            }
        }
        return Optional.of(new PathArguments(path, parameters));
    }

    /** The index of the '>' closing the path, skipping quoted local-parts that may contain '>'. */
    private static int closingBracket(String s, int from) {
        boolean quoted = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '>') {
                return i;
            }
        }
        return -1;
    }

    /** RFC 5321 §4.1.1.3 and Appendix C: a source route ({@code @a,@b:}) must be accepted and ignored. */
    private static String stripSourceRoute(String path) {
        if (!path.startsWith("@")) {
            return path;
        }
        int colon = path.indexOf(':');
        return colon < 0 ? null : path.substring(colon + 1);
    }
}
