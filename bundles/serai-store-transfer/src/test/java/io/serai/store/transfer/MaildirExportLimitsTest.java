package io.serai.store.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.Flags;
import io.serai.store.api.Mailbox;

/** What Maildir++ cannot hold is reported, never dropped silently. */
class MaildirExportLimitsTest {
    @TempDir
    Path tmp;

    @Test
    void aDotInAMailboxNameCannotBeWrittenWithMaildirPlusPlus() throws Exception {
        try (StoreFixture store = new StoreFixture(tmp.resolve("store"))) {
            append(store.mailboxes().create("Release 1.2"), Flags.NONE);
            TransferResult result = new MaildirExporter(TransferOptions.defaults().withHostName("mx"))
                    .exportTree(store.mailboxes(), tmp.resolve("out"));
            assertThat(result.skipped()).containsExactly(new SkippedEntry("Release 1.2",
                    "mailbox with 1 messages not exported: '.' in a mailbox name cannot be written with "
                            + "Maildir++'s '.' hierarchy separator"));
            assertThat(result.messages()).isZero();
        }
    }

    @Test
    void keywordsPastTheTwentySixthAreReportedPerFolder() throws Exception {
        Set<String> keywords = new LinkedHashSet<>();
        for (int i = 0; i < 28; i++) {
            keywords.add(String.format("k%02d", i));
        }
        Path out = tmp.resolve("out");
        try (StoreFixture store = new StoreFixture(tmp.resolve("store"))) {
            append(store.mailboxes().open("INBOX"), Flags.of(Set.of(), keywords));
            TransferResult result = new MaildirExporter(TransferOptions.defaults().withHostName("mx"))
                    .exportMailbox(store.mailboxes(), "INBOX", out);
            assertThat(result.messages()).isEqualTo(1);
            assertThat(result.skipped()).extracting(SkippedEntry::reason).containsExactly(
                    "keyword k26 not exported: Dovecot's Maildir holds only 26 keywords per folder",
                    "keyword k27 not exported: Dovecot's Maildir holds only 26 keywords per folder");
        }
        assertThat(Files.readAllLines(out.resolve("dovecot-keywords"))).hasSize(26).startsWith("0 k00")
                .endsWith("25 k25");
        assertThat(MaildirTree.readFolder(out).get(0).flags()).hasSize(26);
    }

    private static void append(Mailbox mailbox, Flags flags) throws Exception {
        mailbox.append(new AppendRequest(ContentSource.of(new ByteArrayInputStream(Bytes.of("Subject: x\r\n\r\n"))),
                Instant.parse("2024-03-01T10:00:00Z"), flags));
    }
}
