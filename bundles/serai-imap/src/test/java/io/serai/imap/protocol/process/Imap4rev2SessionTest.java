package io.serai.imap.protocol.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An IMAP4rev2 conversation (RFC 9051) after {@code ENABLE IMAP4rev2}: what changes against IMAP4rev1 (Appendix E)
 * byte for byte: no RECENT, ESEARCH as the SEARCH answer, UTF-8 mailbox names, APPEND of literal8 with binary
 * content read back with FETCH BINARY (RFC 3516, part of IMAP4rev2).
 */
class Imap4rev2SessionTest {

    /** A binary body: NUL and 8-bit octets, which only literal8 may carry (RFC 9051 §4.3.1). */
    private static final String MESSAGE = "Subject: bin\r\nContent-Transfer-Encoding: binary\r\n\r\na\0b\u00e9\r\n";
    /** What is stored: the NUL-bearing body in base64, so BODY[] can carry it (NulFreeContent). */
    private static final String STORED = "Subject: bin\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + java.util.Base64.getEncoder().encodeToString("a\0b\u00e9\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
            + "\r\n";

    @TempDir
    Path dir;
    private SessionHarness h;

    @BeforeEach
    void loggedIn() throws Exception {
        h = SessionHarness.loggedIn(dir);
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    private static int octets(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    @Test
    void enableIsListedOnceAndNotWhileSelected() {
        assertThat(h.send("a CAPABILITY")).startsWith("* CAPABILITY IMAP4rev1 IMAP4rev2 ").contains(" BINARY");
        assertThat(h.send("b ENABLE IMAP4rev2")).isEqualTo("* ENABLED IMAP4rev2\r\nb OK ENABLE completed\r\n");
        assertThat(h.send("c ENABLE IMAP4rev2")).isEqualTo("* ENABLED\r\nc OK ENABLE completed\r\n");
        SessionClient other = h.login();
        other.send("s SELECT INBOX");
        // RFC 5161 §3.1: ENABLE belongs before SELECT; rev2 would change how names are read mid-session
        assertThat(other.send("d ENABLE IMAP4rev2")).isEqualTo("* ENABLED\r\nd OK ENABLE completed\r\n");
    }

    @Test
    void rev2Conversation() {
        h.send("a ENABLE IMAP4rev2");
        assertThat(h.send("b CREATE \"Entwürfe\"")).isEqualTo("b OK CREATE completed\r\n");
        assertThat(h.send("c LIST \"\" Entw*")).isEqualTo("* LIST (\\HasNoChildren) \"/\" \"Entwürfe\"\r\nc OK LIST completed\r\n");
        String append = "d APPEND \"Entwürfe\" (\\Seen) ~{" + octets(MESSAGE) + "}\r\n" + MESSAGE;
        assertThat(h.send(append)).startsWith("d OK [APPENDUID ");
        assertThat(h.send("e STATUS \"Entwürfe\" (MESSAGES SIZE DELETED)"))
                .isEqualTo("* STATUS \"Entwürfe\" (MESSAGES 1 SIZE " + octets(STORED) + " DELETED 0)\r\n"
                        + "e OK STATUS completed\r\n");
        assertThat(h.send("f SELECT \"Entwürfe\"")).startsWith("* 1 EXISTS\r\n* OK [UIDVALIDITY ")
                .doesNotContain("RECENT").doesNotContain("UNSEEN");
        // RFC 9051 §6.4.4: SEARCH answers ESEARCH, even without RETURN
        assertThat(h.send("g SEARCH SEEN")).isEqualTo("* ESEARCH (TAG \"g\") ALL 1\r\ng OK SEARCH completed\r\n");
        assertThat(h.send("h UID SEARCH UNSEEN")).isEqualTo("* ESEARCH (TAG \"h\") UID\r\nh OK SEARCH completed\r\n");
        // RFC 3516 §4.2: BINARY content with NUL comes back as literal8
        assertThat(h.send("i FETCH 1 (BINARY.SIZE[1] BINARY.PEEK[1])"))
                .isEqualTo("* 1 FETCH (BINARY.SIZE[1] 7 BINARY[1] ~{7}\r\na\0bé\r\n)\r\ni OK FETCH completed\r\n");
    }
}
