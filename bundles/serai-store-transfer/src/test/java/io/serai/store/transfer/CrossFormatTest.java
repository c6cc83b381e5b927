package io.serai.store.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.serai.store.api.Flags;
import io.serai.store.api.Mailbox;
import io.serai.store.api.MessageMeta;

/** Maildir in, mbox out, mbox in: the path of a user who leaves Dovecot for a client that only reads mbox. */
class CrossFormatTest {
    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void maildirToMboxAndBackKeepsContentFlagsAndDates() throws Exception {
        Path root = tmp.resolve("maildir");
        Path inbox = MaildirTree.folder(root, "", "work");
        MaildirTree.message(inbox, "cur", "1.a.mx:2,FRSa", "Return-Path: <bob@example.net>\nSubject: one\n\n"
                + "From the top\n>From quoted\n", T0);
        MaildirTree.message(inbox, "cur", "2.a.mx:2,T", "Subject: two\n\nno final newline", T0.plusSeconds(60));
        Path mbox = tmp.resolve("inbox.mbox");

        try (StoreFixture store = new StoreFixture(tmp.resolve("store"))) {
            new MaildirImporter(TransferOptions.defaults()).importTree(root, store.mailboxes());
            new MboxExporter(TransferOptions.defaults()).exportMailbox(store.mailboxes(), "INBOX", mbox);
            new MboxImporter(TransferOptions.defaults()).importFile(mbox, store.mailboxes(), "Back");

            Mailbox original = store.mailboxes().open("INBOX");
            Map<String, MessageMeta> back = store.messages("Back");
            int i = 0;
            for (MessageMeta meta : original.messages()) {
                String content = Bytes.latin1(StoreFixture.content(original, meta.uid()));
                String expected = content.endsWith("\r\n") ? content : content + "\r\n"; // mbox needs a final line end
                assertThat(back).containsKey(expected);
                MessageMeta copy = back.get(expected);
                assertThat(copy.flags()).isEqualTo(meta.flags()).isNotEqualTo(Flags.NONE);
                assertThat(copy.internalDate()).isEqualTo(meta.internalDate()).isEqualTo(T0.plusSeconds(60L * i++));
            }
            assertThat(back).hasSize(2);
        }
    }
}
