package io.serai.camel.context.internal;

/** Escapes a value for an LDAP filter (RFC 4515 section 3: {@code * ( ) \} and NUL). */
final class LdapValue {

    private LdapValue() {
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\', '*', '(', ')' -> out.append('\\').append(c);
                case '\0' -> out.append("\\00");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
