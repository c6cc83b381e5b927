package io.serai.imap.protocol.encode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A header value of the form {@code value *(";" attribute "=" value)} (RFC 2045 §5.1, RFC 2183 for
 * Content-Disposition): the leading token in lower case and the parameters in order, quoted values unquoted.
 */
record MimeParameters(String value, List<String[]> parameters) {

    static MimeParameters parse(String header) {
        String[] pieces = split(header);
        List<String[]> params = new ArrayList<>();
        for (int i = 1; i < pieces.length; i++) {
            String p = pieces[i];
            int eq = p.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = p.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String v = p.substring(eq + 1).trim();
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                v = v.substring(1, v.length() - 1).replaceAll("\\\\(.)", "$1");
            }
            params.add(new String[] {name, v});
        }
        return new MimeParameters(pieces[0].trim().toLowerCase(Locale.ROOT), params);
    }

    /** Splits at semicolons outside quoted strings. */
    private static String[] split(String header) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '\\' && quoted && i + 1 < header.length()) {
                cur.append(c).append(header.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out.toArray(String[]::new);
    }
}
