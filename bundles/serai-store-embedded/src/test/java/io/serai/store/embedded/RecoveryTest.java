package io.serai.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.serai.store.api.FlagUpdate;
import io.serai.store.api.Flags;
import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.StoreException;
import io.serai.store.api.SystemFlag;

class RecoveryTest {
    @TempDir
    Path dir;

    /** What a crash mid-write leaves: a frame header with a bad CRC followed by garbage. */
    @Test
    void aTornJournalTailIsIgnoredAndRepaired() throws Exception {
        try (MailStore store = TestStores.openWithUser(dir)) {
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            for (int i = 0; i < 3; i++) {
                inbox.append(TestStores.request(TestStores.message("m" + i, "b")));
            }
        }
        Path journal = lastJournalFile();
        long end = endOfData(journal);
        try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.WRITE)) {
            ByteBuffer torn = ByteBuffer.allocate(64);
            torn.putInt(40).putInt(0xDEADBEEF);
            while (torn.hasRemaining()) {
                torn.put((byte) 0x5A);
            }
            ch.write(torn.flip(), end);
        }
        try (MailStore store = EmbeddedStores.open(TestStores.config(dir))) {
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            assertThat(inbox.messages()).extracting(MessageMeta::uid).containsExactly(1L, 2L, 3L);
            assertThat(inbox.append(TestStores.request(TestStores.message("m3", "b"))).uid()).isEqualTo(4);
        }
        try (MailStore store = EmbeddedStores.open(TestStores.config(dir))) {
            assertThat(store.mailboxes(TestStores.USER).open("INBOX").info().messages()).isEqualTo(4);
        }
    }

    /**
     * Journal and content are forced in parallel, so after a power loss the last round's records may be on
     * disk without its content. Such a round was never acknowledged and must vanish as a whole. (The message is
     * larger than what the journal keeps a copy of, so nothing can bring its bytes back.)
     */
    @Test
    void aLastRoundWhoseContentDidNotReachTheDiskIsDropped() throws Exception {
        byte[] lost = TestStores.message("lost", "z".repeat(100_000));
        try (MailStore store = TestStores.openWithUser(dir)) {
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            inbox.append(TestStores.request(TestStores.message("kept", "b")));
            inbox.append(TestStores.request(lost));
        }
        Path segment;
        try (Stream<Path> files = Files.list(dir.resolve("blobs"))) {
            segment = files.sorted().reduce((a, b) -> b).orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(segment);
        int at = indexOf(bytes, "zzzz".getBytes());
        bytes[at] = 'Y'; // what a power loss leaves: a page of the content is not what was written
        Files.write(segment, bytes);
        try (MailStore store = EmbeddedStores.open(TestStores.config(dir))) {
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            assertThat(inbox.messages()).extracting(MessageMeta::uid).containsExactly(1L);
            assertThat(TestStores.readAll(inbox.content(1).openStream()))
                    .isEqualTo(TestStores.message("kept", "b"));
            inbox.append(TestStores.request(TestStores.message("again", "b")));
        }
        try (MailStore store = EmbeddedStores.open(TestStores.config(dir))) {
            assertThat(store.mailboxes(TestStores.USER).open("INBOX").info().messages()).isEqualTo(2);
        }
    }

    /**
     * A small message is committed with a copy in the journal, and its segment is forced only at the next journal
     * rotation. A power loss before then may leave the segment without the bytes (here: cut off entirely, or one
     * page not what was written): recovery puts them back from the journal, byte for byte, and later appends
     * go after them.
     */
    @Test
    void committedSmallMessagesLostFromTheirSegmentAreRestoredFromTheJournal() throws Exception {
        List<byte[]> sent = new java.util.ArrayList<>();
        try (MailStore store = TestStores.openWithUser(dir)) {
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            for (int i = 0; i < 20; i++) {
                byte[] m = TestStores.message("small " + i, ("line " + i + "\r\n").repeat(200));
                sent.add(m);
                inbox.append(TestStores.request(m));
            }
        }
        Path segment;
        try (Stream<Path> files = Files.list(dir.resolve("blobs"))) {
            segment = files.sorted().reduce((a, b) -> b).orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(segment);
        bytes[indexOf(bytes, "line 7".getBytes())] = 'X';
        Files.write(segment, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // the tail never reached the disk
        for (int round = 0; round < 2; round++) { // the second open finds nothing left to restore
            try (MailStore store = EmbeddedStores.open(TestStores.config(dir))) {
                Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
                assertThat(inbox.messages()).hasSize(20 + round);
                for (int i = 0; i < 20; i++) {
                    assertThat(TestStores.readAll(inbox.content(i + 1).openStream())).isEqualTo(sent.get(i));
                }
                if (round == 0) {
                    inbox.append(TestStores.request(TestStores.message("after", "b")));
                }
                assertThat(TestStores.readAll(inbox.content(21).openStream()))
                        .isEqualTo(TestStores.message("after", "b"));
            }
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (hay[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    @Test
    void stateSpanningManyJournalFilesIsRebuiltExactly() throws Exception {
        EmbeddedStoreConfig small = TestStores.config(dir).withFileSizes(64 * 1024, 128 * 1024);
        List<MessageMeta> before;
        try (MailStore store = EmbeddedStores.open(small)) {
            store.accounts().addDomain("example.org");
            store.accounts().createAccount(TestStores.USER, TestStores.PASSWORD);
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            for (int i = 1; i <= 1500; i++) {
                inbox.append(TestStores.request(TestStores.message("m" + i, "body " + i)));
                if (i % 3 == 0) {
                    inbox.updateFlags(new long[] {i - 1}, FlagUpdate.add(Flags.of(SystemFlag.SEEN)));
                }
                if (i % 5 == 0) {
                    inbox.expunge(new long[] {i - 2});
                }
            }
            before = inbox.messages();
        }
        try (Stream<Path> files = Files.list(dir.resolve("snapshot"))) {
            assertThat(files.count()).as("snapshots taken at rotations, the two newest kept").isEqualTo(2);
        }
        try (MailStore store = EmbeddedStores.open(small)) {
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            assertThat(inbox.messages()).isEqualTo(before);
            MessageMeta last = before.get(before.size() - 1);
            assertThat(TestStores.readAll(inbox.content(last.uid()).openStream()))
                    .isEqualTo(TestStores.message("m1500", "body 1500"));
            assertThat(inbox.info().uidNext()).isEqualTo(1501);
        }
    }

    /** If the newest snapshot is damaged, the older one plus the journal files after it rebuild the same state. */
    @Test
    void aDamagedSnapshotFallsBackToTheOlderOne() throws Exception {
        EmbeddedStoreConfig small = TestStores.config(dir).withFileSizes(64 * 1024, 128 * 1024);
        List<MessageMeta> before;
        try (MailStore store = EmbeddedStores.open(small)) {
            store.accounts().addDomain("example.org");
            store.accounts().createAccount(TestStores.USER, TestStores.PASSWORD);
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            for (int i = 1; i <= 2500; i++) {
                inbox.append(TestStores.request(TestStores.message("m" + i, "body " + i),
                        Flags.of(Set.of(), Set.of("k" + (i % 3)))));
            }
            before = inbox.messages();
        }
        List<Path> snapshots;
        try (Stream<Path> files = Files.list(dir.resolve("snapshot"))) {
            snapshots = files.sorted().toList();
        }
        assertThat(snapshots).hasSize(2);
        Path newest = snapshots.get(1);
        byte[] bytes = Files.readAllBytes(newest);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(newest, bytes);
        try (MailStore store = EmbeddedStores.open(small)) {
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            assertThat(inbox.messages()).isEqualTo(before);
            assertThat(store.accounts().verifyPassword(TestStores.USER, TestStores.PASSWORD)).isTrue();
            assertThat(store.mailboxes(TestStores.USER).subscriptions()).contains("INBOX");
        }
    }

    @Test
    void aSecondOpenOfTheSameDirectoryIsRefused() throws Exception {
        try (MailStore store = TestStores.openWithUser(dir)) {
            assertThatThrownBy(() -> EmbeddedStores.open(TestStores.config(dir))).isInstanceOf(StoreException.class);
        }
    }

    private Path lastJournalFile() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("journal"))) {
            return files.sorted().reduce((a, b) -> b).orElseThrow();
        }
    }

    /** Offset after the last non-zero byte: the journal is preallocated with zeros. */
    private static long endOfData(Path file) throws Exception {
        byte[] all = Files.readAllBytes(file);
        int end = all.length;
        while (end > 0 && all[end - 1] == 0) {
            end--;
        }
        return end;
    }
}
