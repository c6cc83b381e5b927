package io.serai.store.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.serai.store.api.Flags;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.SystemFlag;
import io.serai.store.transfer.MaildirTree.FileMessage;

class MaildirRoundTripTest {
    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");
    private static final String PLAIN = "From: Bob <bob@example.net>\nSubject: plain\n\nHello\n";
    private static final String NEW = "From: Carol <carol@example.net>\nSubject: still new\n\nUnread\n";
    private static final String KEYWORDS = "Subject: keywords\n\nTagged\n";
    private static final String DRAFT = "Subject: draft\n\nDraft, passed, trashed\n";
    private static final String FROM_LINES = "Subject: from lines\n\nFrom here on\n>From quoted\n>>From twice\n";
    private static final String NO_FINAL_NEWLINE = "Subject: cut\n\nno final newline";
    private static final String ALREADY_CRLF = "Subject: crlf\r\n\r\nWindows\r\n";
    private static final String EIGHT_BIT = "Subject: =?utf-8?q?Entw=C3=BCrfe?=\n\nUmlaut \u00e4\u00f6\u00fc bytes\n";
    private static final String NESTED = "Subject: nested\n\nTaipei\n";

    @TempDir
    Path tmp;
    private Path source;

    @BeforeEach
    void buildTree() throws Exception {
        source = tmp.resolve("source");
        Path inbox = MaildirTree.folder(source, "", "$Label1", "work");
        MaildirTree.message(inbox, "cur", "1700000000.M1P1.mx:2,S", PLAIN, T0);
        // A client never flags mail in new/, so an S there is ignored.
        MaildirTree.message(inbox, "new", "1700000100.M2P1.mx:2,S", NEW, T0.plusSeconds(1));
        MaildirTree.message(inbox, "cur", "1700000200.M3P1.mx:2,FRSab", KEYWORDS, T0.plusSeconds(2));
        MaildirTree.message(inbox, "cur", "1700000300.M4P1.mx,S=40:2,DPT", DRAFT, T0.plusSeconds(3));
        Path sent = MaildirTree.folder(source, ".Sent");
        MaildirTree.message(sent, "cur", "1700000400.M5P1.mx:2,S", FROM_LINES, T0.plusSeconds(4));
        MaildirTree.message(sent, "cur", "1700000500.M6P1.mx:2,RS", NO_FINAL_NEWLINE, T0.plusSeconds(5));
        Path archive = MaildirTree.folder(source, ".Archive.2024");
        MaildirTree.message(archive, "cur", "1700000600.M7P1.mx:2,S", ALREADY_CRLF, T0.plusSeconds(6));
        Path drafts = MaildirTree.folder(source, ".Entw&APw-rfe");
        MaildirTree.message(drafts, "cur", "1700000700.M8P1.mx:2,", EIGHT_BIT, T0.plusSeconds(7));
        Path nested = MaildirTree.folder(source, ".&ZeVnLIqe-.&U,BTFw-");
        MaildirTree.message(nested, "cur", "1700000800.M9P1.mx:2,F", NESTED, T0.plusSeconds(8));
        MaildirTree.folder(source, ".Empty");
    }

    @Test
    void importKeepsFoldersFlagsDatesAndConvertsLineEndsToCrlf() throws Exception {
        try (StoreFixture store = new StoreFixture(tmp.resolve("store"))) {
            TransferResult result = new MaildirImporter(TransferOptions.defaults())
                    .importTree(source, store.mailboxes());

            assertThat(result.skipped()).isEmpty();
            assertThat(result.messages()).isEqualTo(9);
            assertThat(result.mailboxesCreated()).as("Sent exists in every new account")
                    .containsExactlyInAnyOrder("Archive/2024", "Empty", "Entwürfe", "日本語/台北");
            assertThat(store.mailboxNames()).contains("INBOX", "Sent", "Archive/2024", "Entwürfe", "日本語",
                    "日本語/台北", "Empty");

            Map<String, MessageMeta> inbox = store.messages("INBOX");
            assertThat(inbox.keySet()).as("content in delivery order, CRLF").containsExactly(
                    Bytes.crlf(PLAIN), Bytes.crlf(NEW), Bytes.crlf(KEYWORDS), Bytes.crlf(DRAFT));
            assertThat(inbox.get(Bytes.crlf(PLAIN)).flags()).isEqualTo(Flags.of(SystemFlag.SEEN));
            assertThat(inbox.get(Bytes.crlf(NEW)).flags()).isEqualTo(Flags.NONE);
            assertThat(inbox.get(Bytes.crlf(KEYWORDS)).flags()).isEqualTo(Flags.of(
                    Set.of(SystemFlag.FLAGGED, SystemFlag.ANSWERED, SystemFlag.SEEN), Set.of("$label1", "work")));
            assertThat(inbox.get(Bytes.crlf(DRAFT)).flags()).isEqualTo(Flags.of(
                    Set.of(SystemFlag.DRAFT, SystemFlag.DELETED), Set.of("$forwarded")));
            assertThat(inbox.get(Bytes.crlf(PLAIN)).internalDate()).as("mtime").isEqualTo(T0);

            assertThat(store.messages("Sent").keySet())
                    .containsExactly(Bytes.crlf(FROM_LINES), "Subject: cut\r\n\r\nno final newline");
            assertThat(store.messages("Archive/2024").keySet()).as("CRLF kept as is").containsExactly(ALREADY_CRLF);
            assertThat(store.messages("Entwürfe").keySet()).containsExactly(Bytes.crlf(EIGHT_BIT));
            assertThat(store.messages("日本語/台北").values()).extracting(MessageMeta::flags)
                    .containsExactly(Flags.of(SystemFlag.FLAGGED));
        }
    }

    @Test
    void exportAfterImportGivesBackTheSameTree() throws Exception {
        Path exported = tmp.resolve("exported");
        try (StoreFixture store = new StoreFixture(tmp.resolve("store"))) {
            new MaildirImporter(TransferOptions.defaults()).importTree(source, store.mailboxes());
            TransferResult result = new MaildirExporter(TransferOptions.defaults().withHostName("mx.example.org"))
                    .exportTree(store.mailboxes(), exported);
            assertThat(result.skipped()).isEmpty();
            assertThat(result.messages()).isEqualTo(9);
        }

        Map<String, List<FileMessage>> expected = new HashMap<>(MaildirTree.read(source));
        // The one documented change: a CRLF message is written with LF like all others.
        expected.put(".Archive.2024", List.of(new FileMessage(Bytes.lf(ALREADY_CRLF), new TreeSet<>(Set.of("S")),
                T0.plusSeconds(6))));
        Map<String, List<FileMessage>> actual = MaildirTree.read(exported);
        for (Map.Entry<String, List<FileMessage>> folder : expected.entrySet()) {
            assertThat(actual.get(folder.getKey())).as(folder.getKey()).isEqualTo(folder.getValue());
        }
        List<String> extra = new ArrayList<>(actual.keySet());
        extra.removeAll(expected.keySet());
        assertThat(extra).as("mailboxes every account has, and the parent the store created")
                .containsExactlyInAnyOrder(".Archive", ".Drafts", ".Junk", ".Trash", ".&ZeVnLIqe-");
        assertThat(extra).allSatisfy(dir -> assertThat(actual.get(dir)).isEmpty());
        assertThat(exported.resolve(".Sent/maildirfolder")).exists();
        assertThat(exported.resolve("tmp")).isEmptyDirectory();
    }

    @Test
    void exportedFileNamesCarrySizesAndFlagsInMaildirForm() throws Exception {
        Path exported = tmp.resolve("exported");
        try (StoreFixture store = new StoreFixture(tmp.resolve("store"))) {
            new MaildirImporter(TransferOptions.defaults()).importTree(source, store.mailboxes());
            new MaildirExporter(TransferOptions.defaults().withHostName("mx:1/a"))
                    .exportMailbox(store.mailboxes(), "Sent", exported);
        }
        List<String> names;
        try (var files = Files.list(exported.resolve("cur"))) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        int size = FROM_LINES.length();
        int crlfSize = Bytes.crlf(FROM_LINES).length();
        assertThat(names.get(0)).matches("1709287204\\.U1V\\d+P\\d+\\.mx\\\\0721\\\\057a,S=" + size + ",W="
                + crlfSize + ":2,S");
        assertThat(names.get(1)).endsWith(":2,RS");
    }

    @Test
    void crlfOptionExportsTheStoredBytesUnchanged() throws Exception {
        Path exported = tmp.resolve("exported");
        try (StoreFixture store = new StoreFixture(tmp.resolve("store"))) {
            new MaildirImporter(TransferOptions.defaults()).importTree(source, store.mailboxes());
            new MaildirExporter(TransferOptions.defaults().withLineEnding(LineEnding.CRLF).withHostName("mx"))
                    .exportMailbox(store.mailboxes(), "Sent", exported);
        }
        assertThat(MaildirTree.readFolder(exported)).extracting(FileMessage::content)
                .containsExactlyInAnyOrder(Bytes.crlf(FROM_LINES), "Subject: cut\r\n\r\nno final newline");
    }

    @Test
    void internalDateCanComeFromTheFileName() throws Exception {
        try (StoreFixture store = new StoreFixture(tmp.resolve("store"))) {
            new MaildirImporter(TransferOptions.defaults().withDateFromFileName(true))
                    .importFolder(source.resolve(".Sent"), store.mailboxes(), "Imported/Sent");
            assertThat(store.messages("Imported/Sent").values()).extracting(MessageMeta::internalDate)
                    .containsExactly(Instant.ofEpochSecond(1700000400), Instant.ofEpochSecond(1700000500));
        }
    }
}
