package io.serai.routes.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageArchiverTest {

    private static final MessageRef REF = new MessageRef("alice@caravan.test", "Archive", 77, 5);

    @TempDir
    Path dir;
    @TempDir
    Path storeDir;
    private StoredMessages stored;

    @BeforeEach
    void openStore() throws Exception {
        stored = new StoredMessages(storeDir);
    }

    @AfterEach
    void closeStore() throws Exception {
        stored.close();
    }

    private Path archive(MessageArchiver archiver, byte[] mail) throws Exception {
        return archiver.archive(new ByteArrayInputStream(mail), stored.parts(mail), REF);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void savesTheExactBytesTheAttachmentsAndAnIndex() throws Exception {
        byte[] mail = TestMessages.withAttachments("Kamele im Überblick",
                new String[][] {{"../../evil.sh", "rm -rf /"}, {"notes.txt", "one"}, {"notes.txt", "two"}});

        Path saved = archive(new MessageArchiver(dir, ArchiveLimits.DEFAULTS), mail);

        assertThat(saved).isEqualTo(dir.resolve("77-5"));
        assertThat(Files.readAllBytes(saved.resolve("message.eml"))).isEqualTo(mail);
        Path attachments = saved.resolve("attachments");
        assertThat(Files.readString(attachments.resolve("evil.sh"))).isEqualTo("rm -rf /");
        assertThat(Files.readString(attachments.resolve("notes.txt"))).isEqualTo("one");
        assertThat(Files.readString(attachments.resolve("notes (2).txt"))).isEqualTo("two");
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(Files::isRegularFile)).allMatch(p -> p.startsWith(saved)).hasSize(5);
        }
        String index = Files.readString(saved.resolve("index.json"));
        assertThat(index)
                .contains("\"account\":\"alice@caravan.test\"", "\"folder\":\"Archive\"",
                        "\"uidValidity\":77", "\"uid\":5", "\"subject\":\"Kamele im Überblick\"",
                        "\"from\":[\"\\\"Bob Ü\\\" <bob@example.org>\"]",
                        "\"to\":[\"alice@caravan.test\",\"carol@caravan.test\"]",
                        "\"cc\":[\"dave@example.org\"]", "\"messageId\":\"<",
                        "\"size\":" + mail.length, "\"sha256\":\"" + sha256(mail) + "\"",
                        "{\"name\":\"evil.sh\",\"contentType\":\"application/octet-stream\",\"size\":8,\"sha256\":\""
                                + sha256("rm -rf /".getBytes(StandardCharsets.UTF_8)) + "\"}",
                        "{\"name\":\"notes (2).txt\"", "\"skipped\":[]")
                .containsPattern("\"date\":\"\\d{4}-\\d\\d-\\d\\dT");
    }

    @Test
    void attachmentsBeyondTheLimitsAreListedAsSkipped() throws Exception {
        byte[] mail = TestMessages.withAttachments("limits",
                new String[][] {{"big.bin", "x".repeat(11)}, {"a.txt", "a"}, {"b.txt", "b"}, {"c.txt", "c"}});

        Path saved = archive(new MessageArchiver(dir, new ArchiveLimits(2, 10)), mail);

        try (Stream<Path> files = Files.list(saved.resolve("attachments"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.txt", "b.txt");
        }
        assertThat(Files.readString(saved.resolve("index.json")))
                .contains("{\"name\":\"big.bin\",\"contentType\":\"application/octet-stream\","
                                + "\"reason\":\"larger than 10 octets\"}",
                        "{\"name\":\"c.txt\",\"contentType\":\"application/octet-stream\","
                                + "\"reason\":\"more than 2 attachments\"}");
    }

    @Test
    void archivingAgainReplacesTheEarlierCopy() throws Exception {
        MessageArchiver archiver = new MessageArchiver(dir, ArchiveLimits.DEFAULTS);
        archive(archiver, TestMessages.withAttachments("first", new String[][] {{"old.txt", "old"}}));
        byte[] second = TestMessages.withAttachments("second", new String[][] {{"new.txt", "new"}});

        Path saved = archive(archiver, second);

        assertThat(Files.readAllBytes(saved.resolve("message.eml"))).isEqualTo(second);
        try (Stream<Path> files = Files.list(saved.resolve("attachments"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("new.txt");
        }
        try (Stream<Path> top = Files.list(dir)) {
            assertThat(top.map(p -> p.getFileName().toString())).containsExactly("77-5");
        }
    }

    @Test
    void aPlainMessageWithoutAttachmentsAndOddHeadersIsStillIndexed() throws Exception {
        byte[] mail = ("From: not an address <<\r\nSubject: =?UTF-8?Q?caf=C3=A9?=\r\n\r\nhello\r\n")
                .getBytes(StandardCharsets.US_ASCII);

        Path saved = archive(new MessageArchiver(dir, ArchiveLimits.DEFAULTS), mail);

        assertThat(Files.readString(saved.resolve("index.json")))
                .contains("not an address", "\"subject\":\"café\"", "\"messageId\":null",
                        "\"date\":null", "\"attachments\":[]");
    }
}
