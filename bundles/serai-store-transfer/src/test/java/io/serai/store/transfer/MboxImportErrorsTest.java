package io.serai.store.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MboxImportErrorsTest {
    private static final String BIG = "From MAILER-DAEMON Thu Nov  2 10:15:00 2023\nSubject: big\n\n"
            + "x".repeat(300) + "\n\n";
    private static final String SMALL = "From MAILER-DAEMON Thu Nov  2 10:16:00 2023\nSubject: small\n\nok\n\n";

    @TempDir
    Path tmp;

    @Test
    void anOversizedMessageIsSkippedWithItsLineAndTheOthersAreImported() throws Exception {
        Path mbox = Files.write(tmp.resolve("mbox"), Bytes.of(SMALL + BIG + SMALL.replace("small", "again")));
        try (StoreFixture store = new StoreFixture(tmp.resolve("store"))) {
            TransferResult result = new MboxImporter(TransferOptions.defaults().withMaxMessageSize(200))
                    .importFile(mbox, store.mailboxes(), "INBOX");

            assertThat(result.messages()).isEqualTo(2);
            assertThat(result.skipped()).containsExactly(new SkippedEntry(mbox + "#6",
                    "message of " + (BIG.length() - 45) + " bytes exceeds the limit of 200 bytes"));
            assertThat(store.messages("INBOX").keySet()).containsExactly("Subject: small\r\n\r\nok\r\n",
                    "Subject: again\r\n\r\nok\r\n");
        }
    }

    @Test
    void filesThatAreNotMboxOrNotReadableAreSkippedAndCreateNoMailbox() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("mail"));
        Files.writeString(dir.resolve("README"), "Subject: looks like mail\n\nbut has no From line\n");
        Path dangling = Files.createSymbolicLink(dir.resolve("Lost"), tmp.resolve("gone"));
        Files.writeString(dir.resolve("Star*"), SMALL);
        Files.writeString(dir.resolve("Good"), SMALL);
        try (StoreFixture store = new StoreFixture(tmp.resolve("store"))) {
            TransferResult result = new MboxImporter(TransferOptions.defaults()).importDirectory(dir,
                    store.mailboxes());

            assertThat(result.mailboxesCreated()).containsExactly("Good");
            assertThat(result.messages()).isEqualTo(1);
            assertThat(result.skipped()).extracting(SkippedEntry::source).containsExactly(
                    dangling.toString(), dir.resolve("README").toString(), dir.resolve("Star*").toString());
            assertThat(store.mailboxNames()).doesNotContain("README", "Lost");
        }
    }

    @Test
    void missingSourcesAndNonEmptyTargetsAreErrors() throws Exception {
        try (StoreFixture store = new StoreFixture(tmp.resolve("store"))) {
            MboxImporter importer = new MboxImporter(TransferOptions.defaults());
            assertThatThrownBy(() -> importer.importFile(tmp.resolve("none"), store.mailboxes(), "X"))
                    .isInstanceOf(NoSuchFileException.class);
            assertThatThrownBy(() -> importer.importDirectory(tmp.resolve("none"), store.mailboxes()))
                    .isInstanceOf(NoSuchFileException.class);

            Path existing = Files.writeString(tmp.resolve("existing"), "keep me");
            assertThatThrownBy(() -> new MboxExporter(TransferOptions.defaults())
                    .exportMailbox(store.mailboxes(), "INBOX", existing))
                    .isInstanceOf(FileAlreadyExistsException.class);
            assertThat(existing).hasContent("keep me");
            assertThatThrownBy(() -> new MaildirExporter(TransferOptions.defaults())
                    .exportTree(store.mailboxes(), tmp)).isInstanceOf(FileAlreadyExistsException.class);
        }
    }
}
