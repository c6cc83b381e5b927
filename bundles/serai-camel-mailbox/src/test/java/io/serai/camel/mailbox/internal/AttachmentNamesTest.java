package io.serai.camel.mailbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AttachmentNamesTest {

    @Test
    void pathsControlAndBidiCharactersAndDevicesAreDefused() {
        assertThat(AttachmentNames.clean("../../etc/passwd")).isEqualTo("passwd");
        assertThat(AttachmentNames.clean("C:\\Windows\\evil.exe")).isEqualTo("evil.exe");
        assertThat(AttachmentNames.clean("\u202Egnp.exe")).isEqualTo("_gnp.exe");
        assertThat(AttachmentNames.clean("a\u0000b\r\nc.txt")).isEqualTo("a_b__c.txt");
        assertThat(AttachmentNames.clean("con.txt")).isEqualTo("_con.txt");
        assertThat(AttachmentNames.clean("..hidden")).isEqualTo("hidden");
        assertThat(AttachmentNames.clean("report. ")).isEqualTo("report");
        assertThat(AttachmentNames.clean("what?<>|*.txt")).isEqualTo("what_____.txt");
        assertThat(AttachmentNames.clean("Übersicht März.pdf")).isEqualTo("Übersicht März.pdf");
    }

    @Test
    void longNamesKeepTheirExtensionAndWholeCharacters() {
        String cut = AttachmentNames.clean("ü".repeat(300) + ".pdf");
        assertThat(cut).endsWith(".pdf").startsWith("üü");
        assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(200);
    }

    @Test
    void emptyAndRepeatedNamesGetDistinctNames() {
        AttachmentNames names = new AttachmentNames();
        assertThat(names.next("", 1)).isEqualTo("attachment-1");
        assertThat(names.next("/", 2)).isEqualTo("attachment-2");
        assertThat(names.next("a.txt", 3)).isEqualTo("a.txt");
        assertThat(names.next("A.txt", 4)).isEqualTo("A (2).txt");
        assertThat(names.next("a.txt", 5)).isEqualTo("a (3).txt");
    }
}
