package io.serai.bench.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.serai.store.api.AppendRequest;
import io.serai.store.api.Flags;
import io.serai.store.api.Mailbox;
import io.serai.store.api.SystemFlag;
import io.serai.store.embedded.EmbeddedMailStore;
import io.serai.store.embedded.FsyncPolicy;

/**
 * One store holding an INBOX of 100,000 messages, shared by the open and flag-change benchmarks: filled once per run
 * (appendAll batches of 1,000, fsync ALWAYS) and reopened by every fork (so each fork also pays the recovery once).
 * Flags are mixed the way a real mailbox has them: two thirds \Seen, some \Answered/\Flagged, a few keywords.
 */
final class BigMailbox {
    static final int MESSAGES = 100_000;
    static final String ACCOUNT = Fixtures.account("big");
    static final String NAME = "INBOX";
    private static final int MESSAGE_SIZE = 2048;
    private static final int BATCH = 1000;

    private BigMailbox() {
    }

    static Path dir() {
        return Fixtures.baseDir().resolve("mailbox-100k");
    }

    /** Opens the shared store, filling it first if this is the first fork of the run that needs it. */
    static synchronized EmbeddedMailStore open(FsyncPolicy fsync) throws Exception {
        Path dir = dir();
        Path marker = dir.resolve("filled");
        if (Files.exists(marker)) {
            return Fixtures.open(dir, fsync);
        }
        Fixtures.deleteTree(dir);
        Files.createDirectories(dir);
        try (EmbeddedMailStore store = Fixtures.open(dir, FsyncPolicy.ALWAYS)) {
            store.accounts().addDomain(Fixtures.DOMAIN);
            store.accounts().createAccount(ACCOUNT, Fixtures.PASSWORD);
            Mailbox inbox = store.mailboxes(ACCOUNT).open(NAME);
            byte[][] contents = new byte[16][];
            for (int i = 0; i < contents.length; i++) {
                contents[i] = Fixtures.message(MESSAGE_SIZE, i);
            }
            List<AppendRequest> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < MESSAGES; i++) {
                batch.add(Fixtures.request(contents[i % contents.length], flagsFor(i)));
                if (batch.size() == BATCH) {
                    inbox.appendAll(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                inbox.appendAll(batch);
            }
            if (inbox.info().messages() != MESSAGES) {
                throw new IllegalStateException("fill gave " + inbox.info());
            }
        }
        Files.createFile(marker);
        return Fixtures.open(dir, fsync);
    }

    private static Flags flagsFor(int i) {
        if (i % 3 == 0) {
            return Flags.NONE;
        }
        if (i % 50 == 1) {
            return Flags.of(Set.of(SystemFlag.SEEN, SystemFlag.FLAGGED), Set.of("$label1"));
        }
        if (i % 7 == 1) {
            return Flags.of(SystemFlag.SEEN, SystemFlag.ANSWERED);
        }
        return Flags.of(SystemFlag.SEEN);
    }
}
