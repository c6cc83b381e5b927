package io.serai.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;

/**
 * When a commit waits for which fsync: a small message's bytes are copied into the journal, so its commit
 * forces the journal only, and its segment is forced once, before the journal file with the copy is left
 * behind at a rotation. A message too large to copy has its segment forced with its own commit.
 */
class JournalCopyTest {
    @TempDir
    Path dir;

    private final AtomicInteger segmentForces = new AtomicInteger();

    private EmbeddedStoreConfig counting() {
        return EmbeddedStoreConfig.defaults(dir).withFileSizes(64 * 1024, 1 << 20)
                .withChannelOpener((path, options) -> {
                    FileChannel ch = FileChannel.open(path, options);
                    return path.toString().endsWith(".seg")
                            ? new FailingChannel(ch, () -> false, this::countForce) : ch;
                });
    }

    /** FailingChannel asks whether the disk is broken on every force: count the call, never fail it. */
    private boolean countForce() {
        segmentForces.incrementAndGet();
        return false;
    }

    @Test
    void smallMessagesWaitForTheJournalOnlyAndTheirSegmentIsForcedAtRotation() throws Exception {
        try (MailStore store = EmbeddedStores.open(counting())) {
            store.accounts().addDomain("example.org");
            store.accounts().createAccount(TestStores.USER, TestStores.PASSWORD);
            Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
            for (int i = 0; i < 5; i++) {
                inbox.append(TestStores.request(TestStores.message("small " + i, "b".repeat(500))));
            }
            assertThat(segmentForces).as("no segment fsync for copied messages").hasValue(0);

            inbox.append(TestStores.request(TestStores.message("large", "L".repeat(20_000))));
            assertThat(segmentForces).as("a message above the copy budget forces its segment").hasValue(1);

            for (int i = 0; !Files.exists(dir.resolve("journal").resolve("000000000002.jnl")); i++) {
                inbox.append(TestStores.request(TestStores.message("fill " + i, "f".repeat(500))));
            }
            assertThat(segmentForces).as("forced before the rotation leaves the first journal file").hasValue(2);
            assertThat(inbox.messages()).allSatisfy(m -> assertThat(m.size()).isPositive());
        }
    }
}
