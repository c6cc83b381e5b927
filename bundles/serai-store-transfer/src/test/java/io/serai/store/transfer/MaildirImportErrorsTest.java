package io.serai.store.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.serai.store.api.QuotaExceededException;
import io.serai.store.api.QuotaLimits;

class MaildirImportErrorsTest {
    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");
    private static final String SMALL = "Subject: small\n\nok\n";

    @TempDir
    Path tmp;

    @Test
    void unreadableAndOversizedFilesAreSkippedWithAReasonAndTheRestIsImported() throws Exception {
        Path root = tmp.resolve("maildir");
        Path inbox = MaildirTree.folder(root, "");
        MaildirTree.message(inbox, "cur", "1.a.mx:2,S", SMALL, T0);
        Path dangling = Files.createSymbolicLink(inbox.resolve("cur/2.b.mx:2,S"), tmp.resolve("gone"));
        Path directory = Files.createDirectory(inbox.resolve("cur/3.c.mx:2,S"));
        Path big = MaildirTree.message(inbox, "cur", "4.d.mx:2,S", "Subject: big\n\n" + "x".repeat(200) + "\n", T0);
        MaildirTree.message(inbox, "tmp", "5.e.mx", "Subject: half delivered\n", T0);
        MaildirTree.message(inbox, "new", ".hidden", SMALL, T0);

        try (StoreFixture store = new StoreFixture(tmp.resolve("store"))) {
            TransferResult result = new MaildirImporter(TransferOptions.defaults().withMaxMessageSize(100))
                    .importTree(root, store.mailboxes());

            assertThat(result.messages()).isEqualTo(1);
            assertThat(store.messages("INBOX").keySet()).containsExactly(Bytes.crlf(SMALL));
            assertThat(result.skipped()).extracting(SkippedEntry::source)
                    .containsExactly(dangling.toString(), directory.toString(), big.toString());
            assertThat(result.skipped().get(0).reason())
                    .isEqualTo("cannot be read: no such file (a dangling link, or removed meanwhile)");
            assertThat(result.skipped().get(1).reason()).isEqualTo("not a regular file");
            assertThat(result.skipped().get(2).reason()).contains("exceeds the limit of 100 bytes");
            assertThat(result.complete()).isFalse();
        }
    }

    @Test
    void badFolderNamesAreSkippedWithAReason() throws Exception {
        Path root = tmp.resolve("maildir");
        MaildirTree.folder(root, "");
        List<String> bad = List.of(".Empty..Level", ".Open&Shift", ".&AGEAYgBj-", ".Odd&AOQ", ".Star*",
                ".NoMaildir");
        for (String name : bad) {
            Path folder = name.equals(".NoMaildir") ? Files.createDirectories(root.resolve(name))
                    : MaildirTree.folder(root, name);
            if (!name.equals(".NoMaildir")) {
                MaildirTree.message(folder, "cur", "1.a.mx:2,", SMALL, T0);
            }
        }
        Path good = MaildirTree.folder(root, ".Good");
        MaildirTree.message(good, "cur", "1.a.mx:2,", SMALL, T0);

        try (StoreFixture store = new StoreFixture(tmp.resolve("store"))) {
            TransferResult result = new MaildirImporter(TransferOptions.defaults()).importTree(root,
                    store.mailboxes());

            assertThat(result.mailboxesCreated()).containsExactly("Good");
            assertThat(result.messages()).isEqualTo(1);
            List<String> sources = new ArrayList<>();
            for (String name : bad) {
                sources.add(root.resolve(name).toString());
            }
            assertThat(result.skipped()).extracting(SkippedEntry::source).containsExactlyInAnyOrderElementsOf(sources);
            assertThat(result.skipped()).extracting(SkippedEntry::reason).allMatch(r -> r.startsWith(
                    "folder not imported: "));
            assertThat(result.skipped()).filteredOn(s -> s.source().endsWith(".&AGEAYgBj-"))
                    .extracting(SkippedEntry::reason).containsExactly(
                            "folder not imported: invalid modified UTF-7 (RFC 3501 section 5.1.3)");
        }
    }

    @Test
    void aMissingRootIsAnErrorAndARootWithoutCurOrNewIsReported() throws Exception {
        try (StoreFixture store = new StoreFixture(tmp.resolve("store"))) {
            MaildirImporter importer = new MaildirImporter(TransferOptions.defaults());
            assertThatThrownBy(() -> importer.importTree(tmp.resolve("missing"), store.mailboxes()))
                    .isInstanceOf(NoSuchFileException.class);
            Path notMaildir = Files.createDirectories(tmp.resolve("plain"));
            assertThat(importer.importTree(notMaildir, store.mailboxes()).skipped())
                    .extracting(SkippedEntry::reason).containsExactly("no cur/ or new/ directory: INBOX not imported");
        }
    }

    @Test
    void aFullQuotaStopsTheImportInsteadOfSkippingEveryMessage() throws Exception {
        Path root = tmp.resolve("maildir");
        Path inbox = MaildirTree.folder(root, "");
        for (int i = 0; i < 5; i++) {
            MaildirTree.message(inbox, "cur", i + ".a.mx:2,S", SMALL + i, T0);
        }
        try (StoreFixture store = new StoreFixture(tmp.resolve("store"))) {
            store.store.accounts().setQuota(StoreFixture.USER, new QuotaLimits(Long.MAX_VALUE, 3));
            assertThatThrownBy(() -> new MaildirImporter(TransferOptions.defaults().withBatchSize(2))
                    .importTree(root, store.mailboxes())).isInstanceOf(QuotaExceededException.class);
            assertThat(store.messages("INBOX")).hasSize(2);
        }
    }

    @Test
    void progressIsReportedPerBatch() throws Exception {
        Path root = tmp.resolve("maildir");
        Path inbox = MaildirTree.folder(root, "");
        for (int i = 0; i < 5; i++) {
            MaildirTree.message(inbox, "cur", i + ".a.mx:2,S", SMALL + i, T0);
        }
        List<Long> seen = new ArrayList<>();
        try (StoreFixture store = new StoreFixture(tmp.resolve("store"))) {
            new MaildirImporter(TransferOptions.defaults().withBatchSize(2)
                    .withProgress((mailbox, done, skipped) -> seen.add(done))).importTree(root, store.mailboxes());
        }
        assertThat(seen).containsExactly(2L, 4L, 5L);
    }
}
