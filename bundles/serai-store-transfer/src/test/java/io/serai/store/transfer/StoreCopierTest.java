package io.serai.store.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.FlagUpdate;
import io.serai.store.api.Flags;
import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.api.MailboxInfo;
import io.serai.store.api.StoreException;
import io.serai.store.api.SystemFlag;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;

/** Store to store with identities kept, between two embedded stores (the PostgreSQL module copies both ways). */
class StoreCopierTest {
    @TempDir
    Path dir;

    private MailStore open(String name) throws StoreException {
        return EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir.resolve(name)).withFsync(FsyncPolicy.NEVER)
                .withFileSizes(256 * 1024, 1 << 20));
    }

    private static void fill(MailStore s) throws Exception {
        s.accounts().addDomain("example.org");
        s.accounts().createAccount("alice@example.org", "pencil".toCharArray());
        s.accounts().createAccount("bob@example.org", "crayon".toCharArray());
        s.accounts().addAlias("postmaster@example.org", "alice@example.org");
        s.accounts().setCatchAll("example.org", Optional.of("bob@example.org"));
        Mailbox inbox = s.mailboxes("alice@example.org").open("INBOX");
        for (int i = 0; i < 25; i++) {
            inbox.append(new AppendRequest(source("Subject: m" + i + "\r\n\r\nbody " + i + "\r\n"),
                    Instant.parse("2026-11-03T10:15:30Z").plusSeconds(i), Flags.of(Set.of(SystemFlag.SEEN),
                    i % 3 == 0 ? Set.of("$label1") : Set.of())));
        }
        inbox.expunge(new long[] {3, 25}); // gaps, and UIDNEXT above the last UID
        inbox.updateFlags(new long[] {4}, FlagUpdate.add(Flags.of(SystemFlag.FLAGGED)));
        s.mailboxes("alice@example.org").create("Projects/2026");
        s.mailboxes("alice@example.org").unsubscribe("Junk");
    }

    private static ContentSource source(String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        return () -> new ByteArrayInputStream(b);
    }

    @Test
    void aCopyKeepsUidsUidValidityFlagsBytesCredentialsAndAddresses() throws Exception {
        try (MailStore from = open("a"); MailStore to = open("b")) {
            fill(from);
            StoreCopyReport report = new StoreCopier(from, to, 10, StoreCopyProgress.NONE).copy(true);
            assertThat(report.mismatches()).isEmpty();
            assertThat(report.messages()).isEqualTo(23);
            assertThat(report.accounts()).isEqualTo(2);
            MailboxInfo src = from.mailboxes("alice@example.org").open("INBOX").info();
            MailboxInfo dst = to.mailboxes("alice@example.org").open("INBOX").info();
            assertThat(dst.uidValidity()).isEqualTo(src.uidValidity());
            assertThat(dst.uidNext()).isEqualTo(26);
            assertThat(dst.highestModSeq()).isEqualTo(src.highestModSeq());
            assertThat(to.mailboxes("alice@example.org").open("INBOX").uids())
                    .isEqualTo(from.mailboxes("alice@example.org").open("INBOX").uids());
            assertThat(to.mailboxes("alice@example.org").list()).extracting(MailboxInfo::name)
                    .containsExactlyElementsOf(from.mailboxes("alice@example.org").list().stream()
                            .map(MailboxInfo::name).toList());
            assertThat(to.mailboxes("alice@example.org").subscriptions())
                    .isEqualTo(from.mailboxes("alice@example.org").subscriptions());
            assertThat(to.accounts().verifyPassword("alice@example.org", "pencil".toCharArray())).isTrue();
            assertThat(to.accounts().aliases("example.org")).containsEntry("postmaster@example.org", "alice@example.org");
            assertThat(to.accounts().catchAll("example.org")).contains("bob@example.org");
            assertThat(to.accounts().quota("alice@example.org").messages()).isEqualTo(23);
            // the target's own allocation stays above the copied identities
            assertThat(to.mailboxes("bob@example.org").create("New").info().uidValidity())
                    .isGreaterThan(dst.uidValidity());
            Mailbox copied = to.mailboxes("alice@example.org").open("INBOX");
            assertThat(copied.append(new AppendRequest(source("Subject: later\r\n\r\nx\r\n"), Instant.now(),
                    Flags.NONE)).uid()).isEqualTo(26);
        }
    }

    @Test
    void anInterruptedCopyResumesWhereItStopped() throws Exception {
        try (MailStore from = open("a"); MailStore to = open("b")) {
            fill(from);
            StoreCopyProgress failing = (account, mailbox, done, total, copied, bytes) -> {
                if (copied >= 10) {
                    throw new IllegalStateException("interrupted");
                }
            };
            assertThatThrownBy(() -> new StoreCopier(from, to, 5, failing).copy(false))
                    .hasMessage("interrupted");
            assertThat(to.mailboxes("alice@example.org").open("INBOX").uids()).hasSize(10);
            StoreCopyReport resumed = new StoreCopier(from, to, 5, StoreCopyProgress.NONE).copy(true);
            assertThat(resumed.present()).isEqualTo(10);
            assertThat(resumed.messages()).isEqualTo(13);
            assertThat(resumed.mismatches()).isEmpty();
        }
    }

    @Test
    void aMailboxWithAnotherUidValidityIsAConflictNotAMerge() throws Exception {
        try (MailStore from = open("a"); MailStore to = open("b")) {
            fill(from);
            to.accounts().addDomain("example.org");
            // another account first, so alice's own mailboxes get other UIDVALIDITY values than the source's
            to.accounts().createAccount("carol@example.org", "x".toCharArray());
            to.accounts().createAccount("alice@example.org", "other".toCharArray());
            assertThatThrownBy(() -> new StoreCopier(from, to, 5, StoreCopyProgress.NONE).copy(false))
                    .isInstanceOf(StoreException.class).hasMessageContaining("UIDVALIDITY")
                    .hasMessageContaining("Archive");
        }
    }

    @Test
    void theCopySurvivesReopeningTheTarget() throws Exception {
        try (MailStore from = open("a")) {
            fill(from);
            try (MailStore to = open("b")) {
                new StoreCopier(from, to, 7, StoreCopyProgress.NONE).copy(false);
            }
            try (MailStore to = open("b")) {
                assertThat(new StoreCopier(from, to, 7, StoreCopyProgress.NONE).copy(true).mismatches()).isEmpty();
                try (InputStream in = to.mailboxes("alice@example.org").open("INBOX").content(4).openStream()) {
                    assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("Subject: m3\r\n\r\nbody 3\r\n");
                }
                assertThat(to.mailboxes("alice@example.org").open("INBOX").info().uidNext()).isEqualTo(26);
            }
        }
    }

}
