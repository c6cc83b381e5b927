package io.serai.store.support.search;

import java.util.Locale;
import java.util.Set;

/**
 * The text FROM, TO, CC and BCC searches look in. Besides the header value as written, an address field is also
 * searched in a normalized form: comments removed and the white space that RFC 5322 §3.2.2 (CFWS) allows around
 * {@code @}, {@code .} and inside angle brackets dropped, so that {@code <user (comment)@ (comment) domain.org>} is
 * found by {@code FROM user@domain.org}, as Dovecot finds it (imaptest's search-addresses group).
 */
final class AddressText {

    private static final Set<String> ADDRESS_FIELDS = Set.of("from", "to", "cc", "bcc", "sender", "reply-to");

    private AddressText() {
    }

    /** The decoded value, plus a line with its normalized form when {@code field} holds addresses and it differs. */
    static String searchable(String field, String decoded) {
        if (!ADDRESS_FIELDS.contains(field.toLowerCase(Locale.ROOT))) {
            return decoded;
        }
        String normalized = normalized(decoded);
        return normalized.equals(decoded) ? decoded : decoded + "\n" + normalized;
    }

    /** Comments out, CFWS around {@code @ . < >} out, runs of white space as one space. */
    static String normalized(String value) {
        StringBuilder out = new StringBuilder(value.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                out.append(c);
                if (c == '\\' && i + 1 < value.length()) {
                    out.append(value.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (depth > 0) {
                if (c == '\\') {
                    i++;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                }
            } else if (c == '(') {
                depth = 1;
                out.append(' ');
            } else {
                if (c == '"') {
                    quoted = true;
                }
                out.append(c);
            }
        }
        return out.toString().replaceAll("\\s*([@.])\\s*", "$1").replaceAll("<\\s+", "<")
                .replaceAll("\\s+>", ">").replaceAll("\\s+", " ").trim();
    }
}
