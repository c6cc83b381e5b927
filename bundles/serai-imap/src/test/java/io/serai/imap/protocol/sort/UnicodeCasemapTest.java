package io.serai.imap.protocol.sort;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The i;unicode-casemap collation of RFC 5051. */
class UnicodeCasemapTest {

    private static int compare(String a, String b) {
        return UnicodeCasemap.compare(UnicodeCasemap.key(a), UnicodeCasemap.key(b));
    }

    @Test
    void caseIsIgnored() {
        assertThat(compare("hello", "HeLLo")).isZero();
        assertThat(compare("ǆ", "ǅ")).isZero(); // titlecase, not upper case: U+01C6 and U+01C5 are one letter
    }

    @Test
    void accentedLettersSortRightAfterTheirBaseLetter() {
        List<String> words = new ArrayList<>(List.of("f", "É", "e", "ea"));
        words.sort((a, b) -> compare(a, b));
        assertThat(words).containsExactly("e", "ea", "É", "f");
        assertThat(compare("é", "e\u0301")).isZero(); // composed and decomposed forms are equal
    }

    @Test
    void compatibilityFormsDecompose() {
        assertThat(compare("ﬁle", "FILE")).isZero(); // U+FB01 LATIN SMALL LIGATURE FI
    }

    @Test
    void codePointOrderNotUtf16Order() {
        // U+1F600 (a surrogate pair in UTF-16) is above U+FF21 in UTF-8 octet order, as RFC 5051 compares
        assertThat(compare("\uD83D\uDE00", "\uFF41")).isPositive();
        assertThat(compare("a", "ab")).isNegative();
        assertThat(compare("", "")).isZero();
    }
}
