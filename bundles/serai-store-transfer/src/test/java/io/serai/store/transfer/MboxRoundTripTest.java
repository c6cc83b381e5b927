package io.serai.store.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.serai.store.api.Flags;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.SystemFlag;

class MboxRoundTripTest {
    /** mboxrd as mutt or Dovecot write it: quoted From lines, status headers last, an empty line after each. */
    static final String MBOX = """
            From bob@example.net Thu Nov  2 10:15:00 2023
            Return-Path: <bob@example.net>
            From: Bob <bob@example.net>
            Subject: first
            Status: RO
            X-Status: AF
            X-Keywords: $label1 work

            Hello
            >From quoted once
            >>From quoted twice
            >>>From thrice
            From: not a separator
             From indented
            >Fromage

            From MAILER-DAEMON Fri Nov  3 09:00:00 2023
            Subject: second, no flags

            body followed by an empty line that belongs to the message


            From carol@example.net Sat Nov  4 08:00:00 2023
            Return-Path: <carol@example.net>
            Subject: third
            Status: RO
            X-Status: T

            >From the start of the last line

            """;

    static final String FIRST = Bytes.crlf("""
            Return-Path: <bob@example.net>
            From: Bob <bob@example.net>
            Subject: first

            Hello
            From quoted once
            >From quoted twice
            >>From thrice
            From: not a separator
             From indented
            >Fromage
            """);
    static final String SECOND = Bytes.crlf("""
            Subject: second, no flags

            body followed by an empty line that belongs to the message

            """);
    static final String THIRD = Bytes.crlf("""
            Return-Path: <carol@example.net>
            Subject: third

            From the start of the last line
            """);

    @TempDir
    Path tmp;

    @Test
    void importUnquotesTakesFlagsFromStatusHeadersAndDatesFromFromLines() throws Exception {
        Path mbox = Files.write(tmp.resolve("mbox"), Bytes.of(MBOX));
        try (StoreFixture store = new StoreFixture(tmp.resolve("store"))) {
            TransferResult result = new MboxImporter(TransferOptions.defaults())
                    .importFile(mbox, store.mailboxes(), "Old/Mail");

            assertThat(result.skipped()).isEmpty();
            assertThat(result.messages()).isEqualTo(3);
            assertThat(result.mailboxesCreated()).containsExactly("Old/Mail");
            Map<String, MessageMeta> messages = store.messages("Old/Mail");
            assertThat(messages.keySet()).containsExactly(FIRST, SECOND, THIRD);
            assertThat(messages.get(FIRST).flags()).isEqualTo(Flags.of(
                    Set.of(SystemFlag.SEEN, SystemFlag.ANSWERED, SystemFlag.FLAGGED), Set.of("$label1", "work")));
            assertThat(messages.get(SECOND).flags()).isEqualTo(Flags.NONE);
            assertThat(messages.get(THIRD).flags()).isEqualTo(Flags.of(SystemFlag.SEEN, SystemFlag.DRAFT));
            assertThat(messages.get(FIRST).internalDate()).isEqualTo(Instant.parse("2023-11-02T10:15:00Z"));
            assertThat(messages.get(THIRD).internalDate()).isEqualTo(Instant.parse("2023-11-04T08:00:00Z"));
        }
    }

    @Test
    void exportAfterImportGivesBackTheSameFile() throws Exception {
        Path mbox = Files.write(tmp.resolve("mbox"), Bytes.of(MBOX));
        Path exported = tmp.resolve("out/exported");
        try (StoreFixture store = new StoreFixture(tmp.resolve("store"))) {
            new MboxImporter(TransferOptions.defaults()).importFile(mbox, store.mailboxes(), "Old");
            TransferResult result = new MboxExporter(TransferOptions.defaults())
                    .exportMailbox(store.mailboxes(), "Old", exported);
            assertThat(result.messages()).isEqualTo(3);
        }
        assertThat(Bytes.latin1(Files.readAllBytes(exported))).isEqualTo(MBOX);
    }

    @Test
    void aMessageWithoutFinalNewlineGainsOneOnExportBecauseMboxNeedsIt() throws Exception {
        String cut = "From MAILER-DAEMON Thu Nov  2 10:15:00 2023\nSubject: cut\n\n>From no final newline";
        Path mbox = Files.write(tmp.resolve("mbox"), Bytes.of(cut));
        Path exported = tmp.resolve("exported");
        try (StoreFixture store = new StoreFixture(tmp.resolve("store"))) {
            new MboxImporter(TransferOptions.defaults()).importFile(mbox, store.mailboxes(), "Cut");
            assertThat(store.messages("Cut").keySet())
                    .containsExactly("Subject: cut\r\n\r\nFrom no final newline");
            new MboxExporter(TransferOptions.defaults()).exportMailbox(store.mailboxes(), "Cut", exported);
        }
        assertThat(Bytes.latin1(Files.readAllBytes(exported))).isEqualTo(cut + "\n\n");
    }

    @Test
    void crlfExportKeepsStoredBytesAndStatusHeadersCanBeLeftOut() throws Exception {
        Path mbox = Files.write(tmp.resolve("mbox"), Bytes.of(MBOX));
        Path exported = tmp.resolve("exported");
        try (StoreFixture store = new StoreFixture(tmp.resolve("store"))) {
            new MboxImporter(TransferOptions.defaults()).importFile(mbox, store.mailboxes(), "Old");
            new MboxExporter(TransferOptions.defaults().withLineEnding(LineEnding.CRLF).withMboxStatusHeaders(false))
                    .exportMailbox(store.mailboxes(), "Old", exported);
        }
        String expected = Bytes.crlf(MBOX.replaceAll("(?m)^(Status|X-Status|X-Keywords): .*\n", ""));
        assertThat(Bytes.latin1(Files.readAllBytes(exported))).isEqualTo(expected);
    }

    @Test
    void aDirectoryTreeOfMboxFilesComesBackWithTheSameMailboxes() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("mail"));
        Files.write(dir.resolve("inbox"), Bytes.of(MBOX));
        Files.write(dir.resolve("Work"), Bytes.of(MBOX.substring(0, MBOX.indexOf("From MAILER-DAEMON"))));
        Files.createDirectories(dir.resolve("Work.sbd"));
        Files.write(dir.resolve("Work.sbd/2024"), Bytes.of(MBOX.substring(MBOX.indexOf("From MAILER-DAEMON"))));
        Files.createDirectories(dir.resolve("Listen"));
        Files.write(dir.resolve("Listen/Entwürfe"), Bytes.of(MBOX));
        Files.write(dir.resolve("Empty"), new byte[0]);
        Files.writeString(dir.resolve("notes.txt"), "not mail\n");
        Files.write(dir.resolve(".hidden"), Bytes.of(MBOX));
        Path exported = tmp.resolve("exported");

        try (StoreFixture store = new StoreFixture(tmp.resolve("store"))) {
            TransferResult result = new MboxImporter(TransferOptions.defaults()).importDirectory(dir,
                    store.mailboxes());
            assertThat(result.messages()).isEqualTo(3 + 1 + 2 + 3);
            assertThat(result.mailboxesCreated())
                    .containsExactlyInAnyOrder("Work", "Work/2024", "Listen/Entwürfe", "Empty");
            assertThat(result.skipped()).containsExactly(new SkippedEntry(dir.resolve("notes.txt").toString(),
                    "not an mbox file: it does not start with a 'From ' line"));
            assertThat(store.messages("INBOX").keySet()).containsExactly(FIRST, SECOND, THIRD);
            assertThat(store.messages("Work/2024").keySet()).containsExactly(SECOND, THIRD);

            new MboxExporter(TransferOptions.defaults()).exportTree(store.mailboxes(), exported);
        }
        assertThat(exported.resolve("INBOX")).hasBinaryContent(Bytes.of(MBOX));
        assertThat(exported.resolve("Work.sbd/2024")).hasBinaryContent(Files.readAllBytes(dir.resolve("Work.sbd/2024")));
        assertThat(exported.resolve("Listen.sbd/Entwürfe")).hasBinaryContent(Bytes.of(MBOX));
        assertThat(exported.resolve("Empty")).isEmptyFile();
        assertThat(exported.resolve("Listen")).as("the parent the store created").isEmptyFile();

        try (StoreFixture again = new StoreFixture(tmp.resolve("store2"))) {
            new MboxImporter(TransferOptions.defaults()).importDirectory(exported, again.mailboxes());
            assertThat(again.mailboxNames()).contains("INBOX", "Work", "Work/2024", "Listen", "Listen/Entwürfe",
                    "Empty");
            assertThat(again.messages("Listen/Entwürfe").keySet()).containsExactly(FIRST, SECOND, THIRD);
        }
    }
}
