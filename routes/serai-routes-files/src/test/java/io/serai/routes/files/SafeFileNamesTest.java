package io.serai.routes.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeFileNamesTest {

    @Test
    void pathsAreCutToTheLastSegment() {
        assertThat(SafeFileNames.clean("../../etc/passwd")).isEqualTo("passwd");
        assertThat(SafeFileNames.clean("..\\..\\Windows\\win.ini")).isEqualTo("win.ini");
        assertThat(SafeFileNames.clean("/abs/report.pdf")).isEqualTo("report.pdf");
    }

    @Test
    void dotNamesAndEmptyNamesBecomeTheFallback() {
        assertThat(SafeFileNames.clean("..")).isEqualTo(SafeFileNames.FALLBACK);
        assertThat(SafeFileNames.clean("")).isEqualTo(SafeFileNames.FALLBACK);
        assertThat(SafeFileNames.clean(null)).isEqualTo(SafeFileNames.FALLBACK);
        assertThat(SafeFileNames.clean("a/")).isEqualTo(SafeFileNames.FALLBACK);
        assertThat(SafeFileNames.clean(".bashrc")).isEqualTo("bashrc");
        assertThat(SafeFileNames.clean("\u0001\u0002")).isEqualTo(SafeFileNames.FALLBACK);
    }

    @Test
    void controlAndReservedCharactersAreReplaced() {
        assertThat(SafeFileNames.clean("a\r\nb\u0000c.txt")).isEqualTo("a__b_c.txt");
        assertThat(SafeFileNames.clean("what?<x>|\"y\":*.txt")).isEqualTo("what__x___y___.txt");
        assertThat(SafeFileNames.clean("invoice\u202Efdp.exe")).isEqualTo("invoice_fdp.exe");
        assertThat(SafeFileNames.clean("trailing. . ")).isEqualTo("trailing");
    }

    @Test
    void unicodeLettersAreKept() {
        assertThat(SafeFileNames.clean("Übersicht 2026 – Kamele.pdf")).isEqualTo("Übersicht 2026 – Kamele.pdf");
    }

    @Test
    void windowsDeviceNamesArePrefixed() {
        assertThat(SafeFileNames.clean("CON.txt")).isEqualTo("_CON.txt");
        assertThat(SafeFileNames.clean("nul")).isEqualTo("_nul");
    }

    @Test
    void longNamesAreShortenedKeepingTheExtension() {
        String cleaned = SafeFileNames.clean("x".repeat(500) + ".pdf");
        assertThat(cleaned).hasSize(SafeFileNames.MAX_LENGTH).endsWith(".pdf");
    }

    @Test
    void collisionsAreNumberedIgnoringCase() {
        SafeFileNames names = new SafeFileNames();
        assertThat(names.unique("a.txt")).isEqualTo("a.txt");
        assertThat(names.unique("A.TXT")).isEqualTo("A (2).TXT");
        assertThat(names.unique("dir/a.txt")).isEqualTo("a (3).txt");
        assertThat(names.unique("a (2).txt")).isEqualTo("a (2) (2).txt");
        assertThat(names.unique("..")).isEqualTo("attachment");
        assertThat(names.unique("")).isEqualTo("attachment (2)");
    }
}
