package io.serai.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;

/**
 * A caller that finds no commit round in progress commits on its own thread (no hand-off to the committer thread
 * and back), and an interrupt of that caller during its journal fsync neither loses the commit nor stops the store.
 */
class CallerCommitTest {

    @TempDir
    Path dir;

    @Test
    void anUncontendedCommitRunsOnTheCallersThread() throws Exception {
        Set<Thread> forcing = ConcurrentHashMap.newKeySet();
        EmbeddedStoreConfig config = TestStores.config(dir).withFsync(FsyncPolicy.ALWAYS).withChannelOpener(
                (path, options) -> journal(path)
                        ? new FailingChannel(FileChannel.open(path, options), () -> false, () -> false,
                                channel -> forcing.add(Thread.currentThread()))
                        : FileChannel.open(path, options));
        try (MailStore store = TestStores.openWithUser(config)) {
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            forcing.clear();
            inbox.append(TestStores.request(TestStores.message("one", "body")));
            assertThat(forcing).containsExactly(Thread.currentThread());
        }
    }

    @Test
    void anInterruptDuringTheCallersFsyncLosesNothingAndLeavesTheStoreWorking() throws Exception {
        AtomicBoolean interruptNextForce = new AtomicBoolean();
        // what an interrupt does to a FileChannel in an I/O operation: the channel is closed, the thread stays
        // interrupted, the operation throws ClosedByInterruptException
        FailingChannel.ForceHook interrupt = channel -> {
            if (interruptNextForce.compareAndSet(true, false)) {
                Thread.currentThread().interrupt();
                channel.close();
                throw new ClosedByInterruptException();
            }
        };
        EmbeddedStoreConfig config = TestStores.config(dir).withFsync(FsyncPolicy.ALWAYS).withChannelOpener(
                (path, options) -> journal(path)
                        ? new FailingChannel(FileChannel.open(path, options), () -> false, () -> false, interrupt)
                        : FileChannel.open(path, options));
        byte[] first = TestStores.message("interrupted", "kept");
        byte[] second = TestStores.message("after", "also kept");
        long uid;
        try (MailStore store = TestStores.openWithUser(config)) {
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            interruptNextForce.set(true);
            uid = inbox.append(TestStores.request(first)).uid();
            assertThat(Thread.interrupted()).as("the caller's interrupt is kept for it").isTrue();
            assertThat(interruptNextForce).isFalse();
            assertThat(TestStores.readAll(inbox.content(uid).openStream())).isEqualTo(first);
            long next = inbox.append(TestStores.request(second)).uid();
            assertThat(next).isEqualTo(uid + 1);
        }
        // and both are durable: a reopened store has them
        try (MailStore store = EmbeddedStores.open(TestStores.config(dir).withFsync(FsyncPolicy.ALWAYS))) {
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            assertThat(inbox.info().messages()).isEqualTo(2);
            assertThat(TestStores.readAll(inbox.content(uid).openStream())).isEqualTo(first);
            assertThat(TestStores.readAll(inbox.content(uid + 1).openStream())).isEqualTo(second);
        }
    }

    private static boolean journal(Path path) {
        return path.getParent() != null && path.getParent().getFileName().toString().equals("journal");
    }
}
