package io.serai.store.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LineEndStreamsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a\\nb\\n|a\\r\\nb\\r\\n",
        "a\\r\\nb\\r\\n|a\\r\\nb\\r\\n",   // already CRLF: unchanged
        "a\\r\\nb\\nc|a\\r\\nb\\r\\nc",    // mixed
        "\\n\\n|\\r\\n\\r\\n",
        "lone\\rcr\\n|lone\\rcr\\r\\n",
        "no end|no end"})
    void crlfInputStreamAddsCrOnlyWhereMissing(String in, String out) throws IOException {
        byte[] converted = new CrlfInputStream(new ByteArrayInputStream(bytes(in))).readAllBytes();
        assertThat(text(converted)).isEqualTo(unescape(out));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a\\r\\nb\\r\\n|a\\nb\\n",
        "lone\\rcr\\r\\n|lone\\rcr\\n",
        "ends in cr\\r|ends in cr\\r",
        "\\r\\r\\n|\\r\\n"})
    void lfOutputStreamDropsTheCrOfCrlfOnly(String in, String out) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream lf = new LfOutputStream(sink)) {
            byte[] b = bytes(in);
            lf.write(b, 0, 1);
            lf.write(b, 1, b.length - 1);
        }
        assertThat(text(sink.toByteArray())).isEqualTo(unescape(out));
    }

    private static byte[] bytes(String escaped) {
        return unescape(escaped).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String unescape(String s) {
        return s.replace("\\r", "\r").replace("\\n", "\n");
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
