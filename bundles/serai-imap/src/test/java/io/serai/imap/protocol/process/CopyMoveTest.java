package io.serai.imap.protocol.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.store.api.FlagUpdate;
import io.serai.store.api.Flags;
import io.serai.store.api.Mailbox;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.QuotaLimits;
import io.serai.store.api.SystemFlag;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** COPY, MOVE, their UID forms and UID EXPUNGE against the embedded store (RFC 9051, RFC 4315, RFC 6851). */
class CopyMoveTest {

    private static final String MESSAGE = "Subject: x\r\n\r\nbody\r\n";

    @TempDir
    Path dir;
    private SessionHarness h;
    private Mailbox inbox;
    private Mailbox archive;
    private long archiveValidity;
    private long[] uids;

    @BeforeEach
    void selectFiveMessages() throws Exception {
        h = SessionHarness.loggedIn(dir);
        inbox = h.store.mailboxes(SessionHarness.USER).open("INBOX");
        archive = h.store.mailboxes(SessionHarness.USER).open("Archive");
        archiveValidity = archive.info().uidValidity();
        uids = new long[5];
        for (int i = 0; i < uids.length; i++) {
            uids[i] = h.append("INBOX", MESSAGE, i == 1 ? Flags.of(SystemFlag.FLAGGED) : Flags.NONE);
        }
        h.send("s SELECT INBOX");
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    @Test
    void copyAnswersCopyUidAndTheCopiesAreThereWithTheirFlags() throws Exception {
        assertThat(h.send("A003 COPY 2:3 Archive"))
                .isEqualTo("A003 OK [COPYUID " + archiveValidity + " 2:3 1:2] COPY completed\r\n");
        assertThat(archive.messages()).extracting(MessageMeta::uid).containsExactly(1L, 2L);
        assertThat(archive.messages().get(0).flags()).isEqualTo(Flags.of(SystemFlag.FLAGGED));
        assertThat(inbox.uids()).hasSize(5);
        assertThat(h.send("b UID COPY 5,1,3 Archive"))
                .isEqualTo("b OK [COPYUID " + archiveValidity + " 1,3,5 3:5] COPY completed\r\n");
        assertThat(archive.uids()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void copyErrors() throws Exception {
        assertThat(h.send("a COPY 1 Nope")).isEqualTo("a NO [TRYCREATE] No such mailbox\r\n");
        assertThat(h.send("b COPY 6 Archive")).isEqualTo("b BAD Invalid message sequence number\r\n");
        assertThat(h.send("c UID COPY 90:99 Archive")).as("no message: nothing copied, no COPYUID")
                .isEqualTo("c OK COPY completed\r\n");
        h.store.accounts().setQuota(SessionHarness.USER, new QuotaLimits(Long.MAX_VALUE, 6));
        assertThat(h.send("d COPY 1:2 Archive")).isEqualTo("d NO [OVERQUOTA] Quota exceeded\r\n");
        assertThat(archive.uids()).isEmpty();
        h.send("e EXAMINE INBOX");
        assertThat(h.send("f COPY 1 Archive")).as("COPY reads the source only").startsWith("f OK [COPYUID");
    }

    @Test
    void moveReportsCopyUidThenExpungesInOrder() throws Exception {
        assertThat(h.send("a MOVE 2:4 Archive")).isEqualTo(""
                + "* OK [COPYUID " + archiveValidity + " 2:4 1:3] Moved\r\n"
                + "* 2 EXPUNGE\r\n* 2 EXPUNGE\r\n* 2 EXPUNGE\r\n"
                + "a OK MOVE completed\r\n");
        assertThat(inbox.uids()).containsExactly(uids[0], uids[4]);
        assertThat(archive.uids()).containsExactly(1, 2, 3);
        assertThat(h.send("b SEARCH ALL")).as("the session's map lost the moved messages")
                .isEqualTo("* SEARCH 1 2\r\nb OK SEARCH completed\r\n");
        assertThat(h.send("c NOOP")).isEqualTo("c OK NOOP completed\r\n");
    }

    @Test
    void uidMoveOfASparseSet() throws Exception {
        assertThat(h.send("a UID MOVE 5,2,4 Trash")).isEqualTo(""
                + "* OK [COPYUID " + h.store.mailboxes(SessionHarness.USER).open("Trash").info().uidValidity()
                + " 2,4:5 1:3] Moved\r\n"
                + "* 2 EXPUNGE\r\n* 3 EXPUNGE\r\n* 3 EXPUNGE\r\n"
                + "a OK MOVE completed\r\n");
        assertThat(h.send("b UID SEARCH ALL")).isEqualTo("* SEARCH 1 3\r\nb OK SEARCH completed\r\n");
    }

    @Test
    void moveErrors() throws Exception {
        assertThat(h.send("a MOVE 1 Nope")).isEqualTo("a NO [TRYCREATE] No such mailbox\r\n");
        assertThat(h.send("c MOVE 0 Archive")).startsWith("c BAD");
        h.store.accounts().setQuota(SessionHarness.USER, new QuotaLimits(1, Long.MAX_VALUE));
        assertThat(h.send("d MOVE 1 Archive")).as("a move inside the account does not grow it, so a full quota allows it")
                .isEqualTo("* OK [COPYUID " + archiveValidity + " 1 1] Moved\r\n* 1 EXPUNGE\r\nd OK MOVE completed\r\n");
        h.send("e EXAMINE INBOX");
        assertThat(h.send("f MOVE 1 Archive")).isEqualTo("f NO [CANNOT] Mailbox is read-only\r\n");
        assertThat(inbox.uids()).hasSize(4);
    }

    @Test
    void uidExpungeRemovesOnlyDeletedMessagesInTheSet() throws Exception {
        inbox.updateFlags(new long[] {uids[0], uids[1], uids[3]}, FlagUpdate.add(Flags.of(SystemFlag.DELETED)));
        // another party set the flags: the session hears of them (RFC 9051 §7.5.2) before it expunges
        StringBuilder told = new StringBuilder();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> {
            told.append(h.send("n NOOP"));
            return told.indexOf("* 1 FETCH") >= 0 && told.indexOf("* 2 FETCH") >= 0 && told.indexOf("* 4 FETCH") >= 0;
        });
        assertThat(h.send("A003 UID EXPUNGE " + uids[1] + ":" + uids[4]))
                .isEqualTo("* 2 EXPUNGE\r\n* 3 EXPUNGE\r\nA003 OK UID EXPUNGE completed\r\n");
        assertThat(inbox.uids()).containsExactly(uids[0], uids[2], uids[4]);
        assertThat(h.send("b UID EXPUNGE 90:*")).as("90:* is the last UID").isEqualTo("b OK UID EXPUNGE completed\r\n");
        h.send("c EXAMINE INBOX");
        assertThat(h.send("d UID EXPUNGE 1:*")).isEqualTo("d NO [CANNOT] Mailbox is read-only\r\n");
        assertThat(inbox.uids()).hasSize(3);
        h.send("e UNSELECT");
        assertThat(h.send("f UID EXPUNGE 1")).isEqualTo("f BAD UID EXPUNGE not allowed now\r\n");
    }
}
