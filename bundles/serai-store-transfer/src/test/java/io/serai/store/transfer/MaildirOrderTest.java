package io.serai.store.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** UIDs in the store follow the order IMAP clients saw under Dovecot. */
class MaildirOrderTest {
    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void dovecotUidListOrderWinsAndUnlistedFilesFollowInDeliveryOrder() throws Exception {
        Path inbox = MaildirTree.folder(tmp.resolve("maildir"), "");
        MaildirTree.message(inbox, "cur", "100.a.mx:2,S", "Subject: listed second\n\n", T0);
        MaildirTree.message(inbox, "cur", "200.b.mx,S=20:2,FS", "Subject: listed first\n\n", T0);
        MaildirTree.message(inbox, "new", "400.d.mx", "Subject: newest, unlisted\n\n", T0);
        MaildirTree.message(inbox, "new", "300.c.mx", "Subject: new, unlisted\n\n", T0);
        // Version 3 as Dovecot 2 writes it; the second entry has an extension field and an older info part.
        Files.writeString(inbox.resolve("dovecot-uidlist"), "3 V1709287200 N8 G0123456789abcdef\n"
                + "5 :200.b.mx,S=20:2,S\n"
                + "7 W23 :100.a.mx:2,\n");

        try (StoreFixture store = new StoreFixture(tmp.resolve("store"))) {
            new MaildirImporter(TransferOptions.defaults()).importTree(tmp.resolve("maildir"), store.mailboxes());
            assertThat(store.messages("INBOX").keySet()).containsExactly("Subject: listed first\r\n\r\n",
                    "Subject: listed second\r\n\r\n", "Subject: new, unlisted\r\n\r\n",
                    "Subject: newest, unlisted\r\n\r\n");
        }
    }

    @Test
    void aBrokenUidListFallsBackToDeliveryOrder() throws Exception {
        Path inbox = MaildirTree.folder(tmp.resolve("maildir"), "");
        MaildirTree.message(inbox, "cur", "200.b.mx:2,S", "Subject: second\n\n", T0);
        MaildirTree.message(inbox, "cur", "100.a.mx:2,S", "Subject: first\n\n", T0);
        Files.writeString(inbox.resolve("dovecot-uidlist"), "3 V1 N2\nnot-a-number :200.b.mx\n");

        try (StoreFixture store = new StoreFixture(tmp.resolve("store"))) {
            new MaildirImporter(TransferOptions.defaults()).importTree(tmp.resolve("maildir"), store.mailboxes());
            assertThat(store.messages("INBOX").keySet()).containsExactly("Subject: first\r\n\r\n",
                    "Subject: second\r\n\r\n");
        }
    }
}
