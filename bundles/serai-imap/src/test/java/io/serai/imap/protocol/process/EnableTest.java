package io.serai.imap.protocol.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ENABLE (RFC 5161) of UTF8=ACCEPT (RFC 6855) byte for byte: what it changes (mailbox names in UTF-8 both ways,
 * UTF-8 quoted strings, APPEND UTF8) and where it is refused; what CAPABILITY says before and after login.
 */
class EnableTest {

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
    void capabilitiesAfterLoginListRev2IdleUtf8AcceptQuotaCondstoreAndBinary() {
        assertThat(h.send("a CAPABILITY")).isEqualTo("* CAPABILITY IMAP4rev1 IMAP4rev2 LITERAL+ ENABLE ID SASL-IR IDLE NAMESPACE "
                + "UNSELECT CHILDREN SPECIAL-USE LIST-EXTENDED LIST-STATUS STATUS=SIZE APPENDLIMIT=1000000 "
                + "UTF8=ACCEPT QUOTA QUOTA=RES-STORAGE QUOTA=RES-MESSAGE UIDPLUS MOVE ESEARCH SEARCHRES PARTIAL MULTIAPPEND CATENATE SORT SORT=DISPLAY ESORT "
                + "THREAD=ORDEREDSUBJECT THREAD=REFERENCES CONDSTORE QRESYNC BINARY SAVEDATE\r\na OK CAPABILITY completed\r\n");
    }

    @Test
    void enableUtf8AcceptOnceThenMailboxNamesAreUtf8() {
        // a rev1 client names the folder in modified UTF-7
        assertThat(h.send("a CREATE Entw&APw-rfe")).isEqualTo("a OK CREATE completed\r\n");
        assertThat(h.send("b LIST \"\" Entw*")).isEqualTo(
                "* LIST (\\HasNoChildren) \"/\" Entw&APw-rfe\r\nb OK LIST completed\r\n");
        assertThat(h.send("c ENABLE utf8=accept")).isEqualTo("* ENABLED UTF8=ACCEPT\r\nc OK ENABLE completed\r\n");
        assertThat(h.session.utf8()).isTrue();
        assertThat(h.send("d ENABLE UTF8=ACCEPT")).isEqualTo("* ENABLED\r\nd OK ENABLE completed\r\n");
        assertThat(h.send("e LIST \"\" Entw*")).isEqualTo(
                "* LIST (\\HasNoChildren) \"/\" \"Entwürfe\"\r\ne OK LIST completed\r\n");
        // & is an ordinary character now, and names arrive as UTF-8
        assertThat(h.send("f CREATE \"R&D\"")).isEqualTo("f OK CREATE completed\r\n");
        assertThat(h.send("g SELECT \"Entwürfe\"")).endsWith("g OK [READ-WRITE] SELECT completed\r\n");
    }

    @Test
    void utf8AcceptIsNotEnabledInTheSelectedState() {
        h.send("s SELECT INBOX");
        assertThat(h.send("a ENABLE UTF8=ACCEPT")).isEqualTo("* ENABLED\r\na OK ENABLE completed\r\n");
        assertThat(h.session.utf8()).isFalse();
    }

    @Test
    void appendUtf8DataItemNeedsUtf8Accept() throws Exception {
        String message = "Subject: Grüße\r\n\r\nhallo\r\n";
        int length = message.getBytes(StandardCharsets.UTF_8).length;
        String command = "a APPEND INBOX UTF8 (~{" + length + "}\r\n" + message + ")";
        assertThat(h.send(command)).isEqualTo("a BAD APPEND UTF8 needs ENABLE UTF8=ACCEPT\r\n");
        h.send("e ENABLE UTF8=ACCEPT");
        assertThat(h.send(command)).startsWith("a OK [APPENDUID ");
        byte[] stored = h.store.mailboxes(SessionHarness.USER).open("INBOX").content(1).openStream().readAllBytes();
        assertThat(stored).isEqualTo(message.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rev2SelectHasNoRecentAndNoUnseenCode() {
        assertThat(h.send("e ENABLE IMAP4rev2")).isEqualTo("* ENABLED IMAP4rev2\r\ne OK ENABLE completed\r\n");
        assertThat(h.send("s SELECT INBOX")).startsWith("* 0 EXISTS\r\n* OK [UIDVALIDITY ").doesNotContain("RECENT");
        assertThat(h.session.utf8()).isTrue();
    }
}
