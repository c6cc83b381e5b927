package io.serai.imap.protocol.decode;

/** Character classes of the IMAP grammar (RFC 9051 §9, RFC 3501 §9). */
public final class CharClass {

    private CharClass() {
    }

    /** CHAR except atom-specials: {@code ( ) { SP CTL % * " \ ]}. */
    public static boolean isAtomChar(int c) {
        return c > 0x20 && c < 0x7f && c != '(' && c != ')' && c != '{' && c != '%' && c != '*' && c != '"'
                && c != '\\' && c != ']';
    }

    /** ATOM-CHAR or resp-specials ({@code ]}). */
    public static boolean isAstringChar(int c) {
        return isAtomChar(c) || c == ']';
    }

    /** list-char: ATOM-CHAR, list-wildcards, resp-specials. */
    public static boolean isListChar(int c) {
        return isAstringChar(c) || c == '%' || c == '*';
    }

    /** TAG chars are ASTRING-CHAR except "+". */
    public static boolean isTagChar(int c) {
        return c != '+' && isAstringChar(c);
    }
}
