package io.serai.imap.protocol.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.store.api.Flags;
import io.serai.store.api.Mailbox;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.SystemFlag;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STORE and UID STORE against the embedded store: the flags really change, the FETCH lines match byte for byte. */
class StoreCommandTest {

    private static final String MESSAGE = "Subject: x\r\n\r\nbody\r\n";

    @TempDir
    Path dir;
    private SessionHarness h;
    private Mailbox inbox;
    private long[] uids;

    @BeforeEach
    void selectThreeMessages() throws Exception {
        h = SessionHarness.loggedIn(dir);
        inbox = h.store.mailboxes(SessionHarness.USER).open("INBOX");
        uids = new long[] {
            h.append("INBOX", MESSAGE, Flags.NONE),
            h.append("INBOX", MESSAGE, Flags.NONE),
            h.append("INBOX", MESSAGE, Flags.of(SystemFlag.SEEN))};
        h.send("s SELECT INBOX");
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    private Flags flagsOf(long uid) throws Exception {
        return inbox.messages(uid, uid).stream().map(MessageMeta::flags).findFirst().orElseThrow();
    }

    @Test
    void addReportsEveryMessageOfTheSetAsInRfc9051() throws Exception {
        assertThat(h.send("A003 STORE 2:3 +FLAGS (\\Deleted)")).isEqualTo(""
                + "* 2 FETCH (FLAGS (\\Deleted))\r\n"
                + "* 3 FETCH (FLAGS (\\Seen \\Deleted))\r\n"
                + "A003 OK STORE completed\r\n");
        assertThat(flagsOf(uids[0])).isEqualTo(Flags.NONE);
        assertThat(flagsOf(uids[1])).isEqualTo(Flags.of(SystemFlag.DELETED));
        assertThat(flagsOf(uids[2])).isEqualTo(Flags.of(SystemFlag.SEEN, SystemFlag.DELETED));
    }

    @Test
    void extraSpacesBetweenArgumentsAreAcceptedAsDovecotDoes() throws Exception {
        // James' MPT SearchAtoms script: "STORE 1:9  +FLAGS (\FLAGGED)"
        assertThat(h.send("a STORE 1:2  +FLAGS (\\FLAGGED)")).isEqualTo(""
                + "* 1 FETCH (FLAGS (\\Flagged))\r\n"
                + "* 2 FETCH (FLAGS (\\Flagged))\r\n"
                + "a OK STORE completed\r\n");
        assertThat(flagsOf(uids[1])).isEqualTo(Flags.of(SystemFlag.FLAGGED));
    }

    @Test
    void unchangedMessagesAreReportedToo() throws Exception {
        assertThat(h.send("a STORE 1:3 +FLAGS \\Seen")).isEqualTo(""
                + "* 1 FETCH (FLAGS (\\Seen))\r\n"
                + "* 2 FETCH (FLAGS (\\Seen))\r\n"
                + "* 3 FETCH (FLAGS (\\Seen))\r\n"
                + "a OK STORE completed\r\n");
    }

    @Test
    void replaceWithKeywordsAndRemove() throws Exception {
        assertThat(h.send("a STORE 1 FLAGS (\\Flagged $Junk Work)"))
                .isEqualTo("* FLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft $junk work)\r\n"
                        + "* OK [PERMANENTFLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft $junk work \\*)] Flags\r\n"
                        + "* 1 FETCH (FLAGS (\\Flagged $junk work))\r\na OK STORE completed\r\n");
        assertThat(flagsOf(uids[0])).isEqualTo(Flags.of(Set.of(SystemFlag.FLAGGED), Set.of("$junk", "work")));
        assertThat(h.send("b STORE 1 -FLAGS (work \\Flagged)"))
                .isEqualTo("* 1 FETCH (FLAGS ($junk))\r\nb OK STORE completed\r\n");
        assertThat(h.send("c STORE * FLAGS ()")).isEqualTo("* 3 FETCH (FLAGS ())\r\nc OK STORE completed\r\n");
        assertThat(flagsOf(uids[2])).isEqualTo(Flags.NONE);
    }

    @Test
    void silentSendsOnlyTheTaggedOk() throws Exception {
        assertThat(h.send("a STORE 1:* +FLAGS.SILENT (\\Answered)")).isEqualTo("a OK STORE completed\r\n");
        for (long uid : uids) {
            assertThat(flagsOf(uid).has(SystemFlag.ANSWERED)).isTrue();
        }
    }

    @Test
    void uidStoreIncludesTheUidAndIgnoresUnknownUids() throws Exception {
        assertThat(h.send("a UID STORE " + uids[1] + ",99 +FLAGS (\\Flagged)")).isEqualTo(
                "* 2 FETCH (UID " + uids[1] + " FLAGS (\\Flagged))\r\na OK STORE completed\r\n");
        assertThat(h.send("b UID STORE 90:99 +FLAGS (\\Flagged)")).isEqualTo("b OK STORE completed\r\n");
    }

    @Test
    void badNumbersRecentAndReadOnly() throws Exception {
        assertThat(h.send("a STORE 4 +FLAGS (\\Seen)")).isEqualTo("a BAD Invalid message sequence number\r\n");
        // \Recent is the server's (RFC 3501 §2.3.2): accepted and ignored, as Dovecot does
        assertThat(h.send("b STORE 1 FLAGS (\\Deleted \\Recent)"))
                .isEqualTo("* 1 FETCH (FLAGS (\\Deleted))\r\nb OK STORE completed\r\n");
        assertThat(h.send("b2 STORE 1 FLAGS (\\Recent)")).isEqualTo("* 1 FETCH (FLAGS ())\r\nb2 OK STORE completed\r\n");
        h.send("c EXAMINE INBOX");
        assertThat(h.send("d STORE 1 +FLAGS (\\Seen)")).isEqualTo("d NO [CANNOT] Mailbox is read-only\r\n");
        assertThat(flagsOf(uids[0])).isEqualTo(Flags.NONE);
        h.send("e UNSELECT");
        assertThat(h.send("f STORE 1 +FLAGS (\\Seen)")).isEqualTo("f BAD STORE not allowed now\r\n");
    }
}
