package io.serai.imap.protocol.sort;

import java.text.Normalizer;

/**
 * The i;unicode-casemap collation (RFC 5051 §2), which SORT and THREAD use for strings (RFC 5256 §2.2): every
 * character is replaced by its titlecase form, the result is fully decomposed, and the code points are compared in
 * order. So case is ignored and "é" sorts with "e", right after it. Keys are computed once per message with
 * {@link #key(String)} and compared with {@link #compare(String, String)}.
 */
public final class UnicodeCasemap {

    private UnicodeCasemap() {
    }

    /**
     * The comparison key of {@code s}: titlecased character by character, then decomposed (NFKD). What the
     * decomposition yields is titlecased once more, so that "ﬁ" (whose simple titlecase is itself) equals "FI", as
     * in Dovecot.
     */
    public static String key(String s) {
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) {
            ascii = s.charAt(i) < 0x80;
        }
        String t = titlecase(s);
        return ascii ? t : titlecase(Normalizer.normalize(t, Normalizer.Form.NFKD));
    }

    private static String titlecase(String s) {
        StringBuilder titled = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            titled.appendCodePoint(Character.toTitleCase(cp));
        }
        return titled.toString();
    }

    /**
     * Code point order of two keys (UTF-8 octet order, as RFC 5051 §2 compares). {@link String#compareTo} would
     * compare UTF-16 units, which puts supplementary characters before U+E000..U+FFFF.
     */
    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
