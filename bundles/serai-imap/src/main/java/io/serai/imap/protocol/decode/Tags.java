package io.serai.imap.protocol.decode;

/** The {@code tag} rule: one or more ASTRING-CHARs except {@code "+"} (RFC 9051 §9). */
public final class Tags {

    private Tags() {
    }

    public static boolean isValid(String tag) {
        if (tag == null || tag.isEmpty()) {
            return false;
        }
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (c == '+' || !CharClass.isAstringChar(c)) {
                return false;
            }
        }
        return true;
    }
}
