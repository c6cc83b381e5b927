package io.serai.imap.protocol.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LIST, CREATE, DELETE, RENAME, SUBSCRIBE, STATUS, NAMESPACE, ENABLE against the embedded store. */
class MailboxCommandsTest {

    @TempDir
    Path dir;
    private SessionHarness h;

    @BeforeEach
    void login() throws Exception {
        h = SessionHarness.loggedIn(dir);
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    @Test
    void listShowsInboxFirstAndSpecialUseAttributes() {
        assertThat(h.send("a LIST \"\" *")).isEqualTo(""
                + "* LIST (\\HasNoChildren) \"/\" INBOX\r\n"
                + "* LIST (\\HasNoChildren \\Archive) \"/\" Archive\r\n"
                + "* LIST (\\HasNoChildren \\Drafts) \"/\" Drafts\r\n"
                + "* LIST (\\HasNoChildren \\Junk) \"/\" Junk\r\n"
                + "* LIST (\\HasNoChildren \\Sent) \"/\" Sent\r\n"
                + "* LIST (\\HasNoChildren \\Trash) \"/\" Trash\r\n"
                + "a OK LIST completed\r\n");
        assertThat(h.send("b LIST \"\" \"\"")).isEqualTo("* LIST (\\Noselect) \"/\" \"\"\r\nb OK LIST completed\r\n");
        assertThat(h.send("c LIST \"\" inbox")).isEqualTo("* LIST (\\HasNoChildren) \"/\" INBOX\r\nc OK LIST completed\r\n");
    }

    @Test
    void createWithChildrenPercentWildcardAndModifiedUtf7() {
        assertThat(h.send("a CREATE Projects/")).isEqualTo("a OK CREATE completed\r\n");
        assertThat(h.send("b CREATE Projects/Entw&APw-rfe")).isEqualTo("b OK CREATE completed\r\n");
        assertThat(h.send("c CREATE Projects")).isEqualTo("c NO [ALREADYEXISTS] Mailbox already exists\r\n");
        assertThat(h.send("d CREATE inbox")).isEqualTo("d NO [ALREADYEXISTS] Mailbox already exists\r\n");
        assertThat(h.send("e LIST \"\" %")).contains("* LIST (\\HasChildren) \"/\" Projects\r\n")
                .doesNotContain("Entw");
        assertThat(h.send("f LIST Projects/ %"))
                .isEqualTo("* LIST (\\HasNoChildren) \"/\" Projects/Entw&APw-rfe\r\nf OK LIST completed\r\n");
    }

    @Test
    void aNameTheStoreRefusesIsNoCannotNotAServerBug() {
        // LIST wildcards (RFC 3501 §5.1 SHOULD NOT) and empty levels: the client's mistake, RFC 5530 CANNOT
        assertThat(h.send("a CREATE \"star*mailbox\"")).isEqualTo("a NO [CANNOT] Invalid mailbox name\r\n");
        // a bare % is not an atom (RFC 9051 §9 list-wildcards): BAD; quoted, the name is refused
        assertThat(h.send("b0 CREATE percent%mailbox")).startsWith("b0 BAD ");
        assertThat(h.send("b CREATE \"percent%mailbox\"")).isEqualTo("b NO [CANNOT] Invalid mailbox name\r\n");
        assertThat(h.send("c CREATE a//b")).isEqualTo("c NO [CANNOT] Invalid mailbox name\r\n");
        assertThat(h.send("d RENAME INBOX \"x*\"")).isEqualTo("d NO [CANNOT] Invalid mailbox name\r\n");
        assertThat(h.send("e LIST \"\" *")).doesNotContain("star").doesNotContain("percent");
    }

    @Test
    void renameInboxMovesItsMessagesAndLeavesItEmpty() throws Exception {
        // RFC 3501 §6.3.5: the messages go to the new name, INBOX stays (empty), INBOX's children stay where they are
        h.append("INBOX", "Subject: one\r\n\r\n1\r\n",
                io.serai.store.api.Flags.of(io.serai.store.api.SystemFlag.SEEN));
        h.append("INBOX", "Subject: two\r\n\r\n2\r\n", io.serai.store.api.Flags.NONE);
        h.send("a CREATE INBOX/Child");
        assertThat(h.send("b RENAME INBOX Old-Inbox")).isEqualTo("b OK RENAME completed\r\n");
        assertThat(h.send("c STATUS INBOX (MESSAGES)")).startsWith("* STATUS INBOX (MESSAGES 0)\r\n");
        assertThat(h.send("d STATUS Old-Inbox (MESSAGES UNSEEN)")).startsWith("* STATUS Old-Inbox (MESSAGES 2 UNSEEN 1)");
        assertThat(h.send("e LIST \"\" INBOX/*")).contains("INBOX/Child\r\n");
        assertThat(h.send("f SELECT Old-Inbox")).contains("* 2 EXISTS\r\n");
        assertThat(h.send("g FETCH 1:2 (BODY.PEEK[HEADER.FIELDS (SUBJECT)])"))
                .contains("Subject: one").contains("Subject: two");
    }

    @Test
    void renameAndDelete() {
        h.send("a CREATE Old");
        assertThat(h.send("b RENAME Old New")).isEqualTo("b OK RENAME completed\r\n");
        assertThat(h.send("c RENAME Old Other")).isEqualTo("c NO [NONEXISTENT] No such mailbox\r\n");
        assertThat(h.send("d RENAME New Sent")).isEqualTo("d NO [ALREADYEXISTS] Mailbox already exists\r\n");
        assertThat(h.send("e RENAME INBOX Sent")).isEqualTo("e NO [ALREADYEXISTS] Mailbox already exists\r\n");
        assertThat(h.send("f LIST \"\" New")).contains("* LIST (\\HasNoChildren) \"/\" New\r\n");
        assertThat(h.send("g DELETE New")).isEqualTo("g OK DELETE completed\r\n");
        assertThat(h.send("h DELETE New")).isEqualTo("h NO [NONEXISTENT] No such mailbox\r\n");
        assertThat(h.send("i DELETE INBOX")).isEqualTo("i NO [CANNOT] INBOX cannot be deleted\r\n");
        assertThat(h.send("j LIST \"\" New")).isEqualTo("j OK LIST completed\r\n");
    }

    @Test
    void subscriptionsLsubAndListExtended() {
        h.send("a CREATE Lists");
        assertThat(h.send("b SUBSCRIBE Lists")).isEqualTo("b OK SUBSCRIBE completed\r\n");
        assertThat(h.send("c LSUB \"\" Lists")).isEqualTo("* LSUB () \"/\" Lists\r\nc OK LSUB completed\r\n");
        assertThat(h.send("d LIST (SUBSCRIBED) \"\" Lists"))
                .isEqualTo("* LIST (\\HasNoChildren \\Subscribed) \"/\" Lists\r\nd OK LIST completed\r\n");
        assertThat(h.send("e LIST \"\" Lists RETURN (SUBSCRIBED)"))
                .isEqualTo("* LIST (\\HasNoChildren \\Subscribed) \"/\" Lists\r\ne OK LIST completed\r\n");
        assertThat(h.send("f UNSUBSCRIBE Lists")).isEqualTo("f OK UNSUBSCRIBE completed\r\n");
        assertThat(h.send("g LSUB \"\" Lists")).isEqualTo("g OK LSUB completed\r\n");
        assertThat(h.send("h LIST (SPECIAL-USE) \"\" *")).contains("\\Sent").doesNotContain("INBOX");
    }

    @Test
    void statusAndListStatus() throws Exception {
        h.append("INBOX", "Subject: a\r\n\r\nhello\r\n", io.serai.store.api.Flags.NONE);
        h.append("INBOX", "Subject: b\r\n\r\nworld\r\n",
                io.serai.store.api.Flags.of(io.serai.store.api.SystemFlag.SEEN));
        assertThat(h.send("a STATUS INBOX (MESSAGES UNSEEN SIZE)")) // two 21-octet messages
                .isEqualTo("* STATUS INBOX (MESSAGES 2 UNSEEN 1 SIZE 42)\r\na OK STATUS completed\r\n");
        long uidValidity = h.store.mailboxes(SessionHarness.USER).open("INBOX").info().uidValidity();
        assertThat(h.send("b STATUS inbox (UIDNEXT UIDVALIDITY)")).isEqualTo(
                "* STATUS INBOX (UIDNEXT 3 UIDVALIDITY " + uidValidity + ")\r\nb OK STATUS completed\r\n");
        assertThat(h.send("c STATUS Nope (MESSAGES)")).isEqualTo("c NO [NONEXISTENT] No such mailbox\r\n");
        assertThat(h.send("d LIST \"\" INBOX RETURN (STATUS (MESSAGES))")).isEqualTo(
                "* LIST (\\HasNoChildren) \"/\" INBOX\r\n* STATUS INBOX (MESSAGES 2)\r\nd OK LIST completed\r\n");
    }

    @Test
    void namespaceAndEnable() {
        assertThat(h.send("a NAMESPACE")).isEqualTo("* NAMESPACE ((\"\" \"/\")) NIL NIL\r\na OK NAMESPACE completed\r\n");
        // unknown capabilities are ignored (RFC 5161 §3.1); the ENABLED spelling is the advertised one
        assertThat(h.send("b ENABLE imap4REV2 X-UNKNOWN CONDSTORE"))
                .isEqualTo("* ENABLED IMAP4rev2 CONDSTORE\r\nb OK ENABLE completed\r\n");
        assertThat(h.session.utf8()).isTrue();
    }
}
