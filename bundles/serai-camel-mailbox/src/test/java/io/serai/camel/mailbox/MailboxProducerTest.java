package io.serai.camel.mailbox;

import static io.serai.camel.mailbox.StoreFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.serai.store.api.Flags;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.NotFoundException;
import io.serai.store.api.SystemFlag;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailboxProducerTest {

    @TempDir
    Path dir;

    private StoreFixture fixture;
    private CamelContext camel;
    private ProducerTemplate template;

    @BeforeEach
    void start() throws Exception {
        fixture = new StoreFixture(dir.resolve("store"));
        camel = fixture.camel(null);
        template = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() throws Exception {
        camel.stop();
        fixture.close();
    }

    @Test
    void appendsAStreamByteForByteWithFlagsAndReturnsTheUid() throws Exception {
        // 8-bit bytes (UTF-8 "\u00e9") at the end: a String round trip in the default charset would change them
        byte[] mime = StoreFixture.message("round trip");
        byte[] withEightBit = new byte[mime.length + 2];
        System.arraycopy(mime, 0, withEightBit, 0, mime.length);
        withEightBit[mime.length] = (byte) 0xC3;
        withEightBit[mime.length + 1] = (byte) 0xA9;

        Exchange result = template.send("mailbox:" + ALICE + "/Archive/2026?store=#store&createFolder=true"
                + "&flags=\\Seen,$label", e -> e.getMessage().setBody(new ByteArrayInputStream(withEightBit)));

        assertThat(result.getException()).isNull();
        long uid = result.getMessage().getHeader(MailboxConstants.UID, Long.class);
        assertThat(result.getMessage().getHeader(MailboxConstants.UID_VALIDITY, Long.class))
                .isEqualTo(fixture.folder("Archive/2026").info().uidValidity());
        try (InputStream in = fixture.folder("Archive/2026").content(uid).openStream()) {
            assertThat(in.readAllBytes()).isEqualTo(withEightBit);
        }
        MessageMeta meta = fixture.folder("Archive/2026").messages().get(0);
        assertThat(meta.flags()).isEqualTo(Flags.of(java.util.Set.of(SystemFlag.SEEN), java.util.Set.of("$label")));
    }

    @Test
    void appendsBytesAndFilesAndTakesTheAccountFromAHeader() throws Exception {
        byte[] mime = StoreFixture.message("from a file");
        Path file = Files.write(dir.resolve("m.eml"), mime);

        Object bytesUid = template.send("mailbox:" + ALICE + "?store=#store",
                e -> e.getMessage().setBody(mime)).getMessage().getHeader(MailboxConstants.UID);
        Exchange viaHeader = template.send("mailbox:INBOX?store=#store", e -> {
            e.getMessage().setBody(file.toFile());
            e.getMessage().setHeader(MailboxConstants.TARGET_ACCOUNT, ALICE);
        });

        assertThat(viaHeader.getException()).isNull();
        long fileUid = viaHeader.getMessage().getHeader(MailboxConstants.UID, Long.class);
        assertThat(fixture.folder("INBOX").uids()).containsExactly((Long) bytesUid, fileUid);
        try (InputStream in = fixture.folder("INBOX").content(fileUid).openStream()) {
            assertThat(in.readAllBytes()).isEqualTo(mime);
        }
    }

    @Test
    void unknownAccountOrFolderFailsClearly() {
        assertThatThrownBy(() -> template.sendBody("mailbox:nobody@caravan.test/INBOX?store=#store",
                StoreFixture.message("x")))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(NotFoundException.class).hasMessageContaining("no account 'nobody@caravan.test'");
        assertThatThrownBy(() -> template.sendBody("mailbox:" + ALICE + "/Missing?store=#store",
                StoreFixture.message("x")))
                .cause().isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no folder 'Missing'").hasMessageContaining("createFolder=true");
        assertThatThrownBy(() -> template.sendBodyAndHeaders("mailbox:INBOX?store=#store",
                StoreFixture.message("x"), Map.of()))
                .cause().hasMessageContaining(MailboxConstants.TARGET_ACCOUNT);
    }

    @Test
    void badOptionsFailTheEndpoint() {
        assertThatThrownBy(() -> camel.getEndpoint("mailbox:" + ALICE + "?store=#store&flags=\\Recent"))
                .hasMessageContaining("\\Recent");
        assertThatThrownBy(() -> camel.getEndpoint("mailbox:" + ALICE + "?store=#store&onCompletion=explode"))
                .hasMessageContaining("onCompletion");
        assertThatThrownBy(() -> camel.getEndpoint("mailbox:" + ALICE + "?store=#store&noSuchOption=1"))
                .hasMessageContaining("noSuchOption");
    }
}
