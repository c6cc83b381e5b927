package io.serai.store.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MboxStreamsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "From x|>From x",
        ">From x|>>From x",
        ">>From x|>>>From x",
        "a\\nFrom b\\n>From c\\n|a\\n>From b\\n>>From c\\n",
        "From|From",                       // no space: not a From line
        "Fromage\\n|Fromage\\n",
        ">>Frog|>>Frog",
        "x From y|x From y",
        "\\r\\nFrom z\\r\\n|\\r\\n>From z\\r\\n",
        ">|>",
        ">>>|>>>",
        ">Fro|>Fro"})
    void quotingAddsOneQuoteToFromLinesAndUnquotingRemovesIt(String plain, String quoted) throws IOException {
        assertThat(quote(unescape(plain))).isEqualTo(unescape(quoted));
        assertThat(unquote(unescape(quoted))).isEqualTo(unescape(plain));
    }

    @Test
    void aLineStartingWithSpaceAndFromIsNotQuoted() throws IOException {
        assertThat(quote("a\n From b\n")).isEqualTo("a\n From b\n");
    }

    @Test
    void quotingCountsLongRunsOfQuotesWithoutLosingAny() throws IOException {
        String many = ">".repeat(10_000);
        assertThat(quote(many + "From x\n" + many + "\n")).isEqualTo(">" + many + "From x\n" + many + "\n");
        assertThat(unquote(">" + many + "From x\n" + many + "\n")).isEqualTo(many + "From x\n" + many + "\n");
    }

    @Test
    void statusHeadersAndTheirContinuationsAreDroppedFromTheHeaderOnly() throws IOException {
        String in = "Subject: s\nStatus: RO\nX-Keywords: a\n b\nx-status: F\nX-Statusbar: kept\n"
                + " folded kept\nX-UID: 7\n\nStatus: in the body stays\n";
        assertThat(drop(in)).isEqualTo("Subject: s\nX-Statusbar: kept\n folded kept\n\nStatus: in the body stays\n");
        assertThat(drop(in.replace("\n", "\r\n"))).isEqualTo(
                "Subject: s\r\nX-Statusbar: kept\r\n folded kept\r\n\r\nStatus: in the body stays\r\n");
        assertThat(drop("Status: RO")).isEmpty();
        assertThat(drop("Subject: no body")).isEqualTo("Subject: no body");
    }

    @Test
    void headersAreInsertedBeforeTheEmptyLineWithTheMessagesLineEnds() throws IOException {
        List<String> fields = List.of("Status: RO", "X-Status: A");
        assertThat(insert("Subject: s\r\n\r\nbody\r\n\r\n", fields))
                .isEqualTo("Subject: s\r\nStatus: RO\r\nX-Status: A\r\n\r\nbody\r\n\r\n");
        assertThat(insert("Subject: s\n\nbody\n", fields)).isEqualTo("Subject: s\nStatus: RO\nX-Status: A\n\nbody\n");
        assertThat(insert("Subject: no body", fields)).isEqualTo("Subject: no body\r\nStatus: RO\r\nX-Status: A\r\n");
        assertThat(insert("Subject: s\r\n\r\n", List.of())).isEqualTo("Subject: s\r\n\r\n");
    }

    private static String quote(String s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MboxrdQuotingOutputStream q = new MboxrdQuotingOutputStream(out);
        q.write(bytes(s));
        q.finish();
        return text(out.toByteArray());
    }

    private static String unquote(String s) throws IOException {
        return read(new MboxrdUnquotingInputStream(new ByteArrayInputStream(bytes(s))));
    }

    private static String drop(String s) throws IOException {
        return read(new HeaderDroppingInputStream(new ByteArrayInputStream(bytes(s)),
                MboxStatusHeaders.REMOVED_ON_IMPORT));
    }

    private static String insert(String s, List<String> fields) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HeaderInsertingOutputStream h = new HeaderInsertingOutputStream(out, fields);
        h.write(bytes(s));
        h.finish();
        return text(out.toByteArray());
    }

    private static String read(InputStream in) throws IOException {
        return text(in.readAllBytes());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static String unescape(String s) {
        return s.replace("\\r", "\r").replace("\\n", "\n");
    }
}
