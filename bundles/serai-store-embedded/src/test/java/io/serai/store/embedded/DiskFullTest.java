package io.serai.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.StoreException;
import io.serai.store.api.StoreFullException;

class DiskFullTest {
    @TempDir
    Path dir;

    /** Message segments hit ENOSPC halfway through a message: typed error, nothing visible, nothing corrupted. */
    @Test
    void fullDiskWhileStoringContentFailsCleanly() throws Exception {
        AtomicBoolean full = new AtomicBoolean();
        EmbeddedStoreConfig config = TestStores.config(dir).withChannelOpener((path, options) -> {
            FileChannel ch = FileChannel.open(path, options);
            return path.toString().endsWith(".seg") ? new FailingChannel(ch, full::get) : ch;
        });
        byte[] first = TestStores.message("first", "kept");
        byte[] big = TestStores.message("big", "y".repeat(200_000));
        try (MailStore store = EmbeddedStores.open(config)) {
            store.accounts().addDomain("example.org");
            store.accounts().createAccount(TestStores.USER, TestStores.PASSWORD);
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            inbox.append(TestStores.request(first));
            full.set(true);
            assertThatThrownBy(() -> inbox.append(TestStores.request(big)))
                    .isInstanceOf(StoreFullException.class).hasMessageContaining("disk full");
            assertThat(inbox.info().messages()).isEqualTo(1);
            assertThat(inbox.info().uidNext()).isEqualTo(2);
            full.set(false);
            long uid = inbox.append(TestStores.request(big)).uid();
            assertThat(TestStores.readAll(inbox.content(uid).openStream())).isEqualTo(big);
        }
        try (MailStore store = EmbeddedStores.open(TestStores.config(dir))) {
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            assertThat(inbox.messages()).extracting(MessageMeta::uid).containsExactly(1L, 2L);
            assertThat(TestStores.readAll(inbox.content(1).openStream())).isEqualTo(first);
            assertThat(TestStores.readAll(inbox.content(2).openStream())).isEqualTo(big);
        }
    }

    /**
     * After a failed fsync the kernel may have dropped the dirty pages, so the outcome on disk is unknown:
     * the store refuses further changes until it is reopened, and reopening recovers a consistent state.
     */
    @Test
    void aFailedFsyncStopsTheStoreUntilItIsReopened() throws Exception {
        AtomicBoolean broken = new AtomicBoolean();
        EmbeddedStoreConfig config = EmbeddedStoreConfig.defaults(dir).withFileSizes(256 * 1024, 1 << 20)
                .withChannelOpener((path, options) -> new FailingChannel(FileChannel.open(path, options),
                        () -> false, broken::get));
        byte[] kept = TestStores.message("kept", "b");
        try (MailStore store = EmbeddedStores.open(config)) {
            store.accounts().addDomain("example.org");
            store.accounts().createAccount(TestStores.USER, TestStores.PASSWORD);
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            inbox.append(TestStores.request(kept));
            broken.set(true);
            assertThatThrownBy(() -> inbox.append(TestStores.request(TestStores.message("unknown", "b"))))
                    .isInstanceOf(StoreException.class);
            broken.set(false);
            assertThatThrownBy(() -> inbox.append(TestStores.request(TestStores.message("refused", "b"))))
                    .isInstanceOf(StoreException.class).hasMessageContaining("reopen");
        }
        try (MailStore store = EmbeddedStores.open(config)) {
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            assertThat(TestStores.readAll(inbox.content(1).openStream())).isEqualTo(kept);
            long next = inbox.append(TestStores.request(TestStores.message("after", "b"))).uid();
            assertThat(next).isGreaterThan(1);
        }
    }

    /**
     * The journal cannot start its next preallocated file (neither ahead of time nor at the rotation): the commit
     * is refused before anything changes.
     */
    @Test
    void fullDiskWhenTheJournalNeedsANewFileFailsCleanly() throws Exception {
        AtomicBoolean full = new AtomicBoolean();
        EmbeddedStoreConfig config = TestStores.config(dir).withFileSizes(64 * 1024, 1 << 20)
                .withChannelOpener((path, options) -> {
                    // any new journal file, including the next one prepared in the background
                    if (full.get() && path.getParent().getFileName().toString().equals("journal")
                            && Arrays.asList(options).contains(StandardOpenOption.CREATE_NEW)) {
                        throw new IOException("No space left on device");
                    }
                    return FileChannel.open(path, options);
                });
        int acknowledged = 0;
        try (MailStore store = EmbeddedStores.open(config)) {
            store.accounts().addDomain("example.org");
            store.accounts().createAccount(TestStores.USER, TestStores.PASSWORD);
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            full.set(true);
            StoreFullException failure = null;
            for (int i = 0; i < 5_000 && failure == null; i++) {
                try {
                    inbox.append(TestStores.request(TestStores.message("m" + i, "b")));
                    acknowledged++;
                } catch (StoreFullException e) {
                    failure = e;
                }
            }
            assertThat(failure).as("the journal filled up").isNotNull();
            assertThat(inbox.info().messages()).isEqualTo(acknowledged);
            full.set(false);
            inbox.append(TestStores.request(TestStores.message("after", "b")));
            acknowledged++;
        }
        try (MailStore store = EmbeddedStores.open(TestStores.config(dir).withFileSizes(64 * 1024, 1 << 20))) {
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            assertThat(inbox.info().messages()).isEqualTo(acknowledged);
            assertThat(inbox.info().uidNext()).isEqualTo(acknowledged + 1);
        }
        try (Stream<Path> files = Files.list(dir.resolve("journal"))) {
            assertThat(files.count()).isGreaterThan(1);
        }
    }
}
