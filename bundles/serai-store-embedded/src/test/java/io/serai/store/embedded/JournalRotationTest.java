package io.serai.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;

/** The next journal file is zero-filled in the background, so a rotation only renames it. */
class JournalRotationTest {
    @TempDir
    Path dir;

    @Test
    void theNextFileIsPreparedAheadAndAFilePreparedBeforeACrashIsNeverReplayed() throws Exception {
        EmbeddedStoreConfig config = EmbeddedStoreConfig.defaults(dir).withFileSizes(64 * 1024, 1 << 20);
        Path journal = dir.resolve("journal");
        Path prepared = journal.resolve("next.jnl.tmp");
        try (MailStore store = EmbeddedStores.open(config)) {
            store.accounts().addDomain("example.org");
            store.accounts().createAccount(TestStores.USER, TestStores.PASSWORD);
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.size(prepared) == 64 * 1024);
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            for (int i = 0; !Files.exists(journal.resolve("000000000003.jnl")); i++) {
                inbox.append(TestStores.request(TestStores.message("m" + i, "b".repeat(300))));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(prepared));
        }
        assertThat(prepared).as("closing removes the unused prepared file").doesNotExist();
        int messages;
        try (MailStore store = EmbeddedStores.open(config)) {
            messages = store.mailboxes(TestStores.USER).open("INBOX").info().messages();
        }
        // what a crash in the middle of preparing leaves: a partial file that must not be read as records
        Files.write(prepared, new byte[] {0, 0, 0, 40, 1, 2, 3, 4, 20});
        try (MailStore store = EmbeddedStores.open(config)) {
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            assertThat(inbox.info().messages()).isEqualTo(messages);
            inbox.append(TestStores.request(TestStores.message("after", "b")));
            assertThat(inbox.info().messages()).isEqualTo(messages + 1);
        }
    }
}
