package io.serai.store.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.serai.store.api.Flags;
import io.serai.store.api.SystemFlag;

class MboxScannerTest {
    @TempDir
    Path tmp;

    @Test
    void onlyAFromLineAfterAnEmptyLineStartsAMessage() throws IOException {
        String mbox = "From a@x Thu Nov  2 10:15:00 2023\nSubject: a\n\nbody\nFrom an unquoted body line\n\n"
                + "From b@x Thu Nov  2 10:16:00 2023\nSubject: b\n\nb body\n";
        assertThat(messages(mbox)).containsExactly("Subject: a\n\nbody\nFrom an unquoted body line\n",
                "Subject: b\n\nb body\n");
    }

    @Test
    void crlfFilesAreSplitTheSameWay() throws IOException {
        String mbox = "From a@x Thu Nov  2 10:15:00 2023\r\nSubject: a\r\n\r\nbody\r\n\r\n"
                + "From b@x Thu Nov  2 10:16:00 2023\r\nSubject: b\r\n\r\nb body\r\n\r\n";
        assertThat(messages(mbox)).containsExactly("Subject: a\r\n\r\nbody\r\n", "Subject: b\r\n\r\nb body\r\n");
    }

    @Test
    void leadingEmptyLinesAreAllowedAndAnythingElseIsNotMbox() throws IOException {
        assertThat(messages("\n\nFrom a@x Thu Nov  2 10:15:00 2023\nSubject: a\n")).containsExactly("Subject: a\n");
        Path notMbox = Files.writeString(tmp.resolve("x"), "Subject: a\n\nFrom b\n");
        assertThat(MboxScanner.scan(notMbox, m -> { })).isFalse();
        assertThat(messages("")).isEmpty();
    }

    @Test
    void statusHeadersAreReadFromTheHeaderOnlyAndLongLinesDoNotMatter() throws IOException {
        String longLine = "x".repeat(100_000);
        String mbox = "From a@x Thu Nov  2 10:15:00 2023\nX-Long: " + longLine + "\nStatus: RO\n\n"
                + "X-Status: F\n" + longLine + "\n";
        List<MboxMessage> found = new ArrayList<>();
        MboxScanner.scan(Files.writeString(tmp.resolve("m"), mbox), found::add);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).flags()).isEqualTo(Flags.of(SystemFlag.SEEN));
        assertThat(found.get(0).length()).isEqualTo(mbox.length() - 34);
    }

    private List<String> messages(String mbox) throws IOException {
        Path file = Files.write(tmp.resolve("mbox"), mbox.getBytes(StandardCharsets.ISO_8859_1));
        List<String> out = new ArrayList<>();
        boolean isMbox = MboxScanner.scan(file, m -> {
            byte[] all = Files.readAllBytes(file);
            out.add(new String(all, (int) m.start(), (int) m.length(), StandardCharsets.ISO_8859_1));
        });
        assertThat(isMbox).isTrue();
        return out;
    }
}
