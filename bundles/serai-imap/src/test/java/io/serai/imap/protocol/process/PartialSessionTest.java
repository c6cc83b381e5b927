package io.serai.imap.protocol.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.store.api.Flags;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PARTIAL (RFC 9394): paged SEARCH, SORT and FETCH, byte for byte; the cases of imaptest's search-partial group. */
class PartialSessionTest {

    @TempDir
    Path dir;
    private SessionHarness h;

    @BeforeEach
    void fiveMessages() throws Exception {
        h = SessionHarness.loggedIn(dir);
        for (int i = 1; i <= 5; i++) {
            h.append("INBOX", "Subject: m" + i + "\r\n\r\n" + "x".repeat(10 * (6 - i)) + "\r\n", Flags.NONE);
        }
        h.send("s SELECT INBOX");
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    private String search(String args) {
        return h.send("a " + args);
    }

    @Test
    void searchPagesFromTheStartAndFromTheEnd() {
        assertThat(search("SEARCH RETURN (PARTIAL 1:1) ALL"))
                .isEqualTo("* ESEARCH (TAG \"a\") PARTIAL (1:1 1)\r\na OK SEARCH completed\r\n");
        assertThat(search("SEARCH RETURN (PARTIAL 4:2) ALL"))
                .isEqualTo("* ESEARCH (TAG \"a\") PARTIAL (2:4 2:4)\r\na OK SEARCH completed\r\n");
        assertThat(search("SEARCH RETURN (PARTIAL 1:6) ALL"))
                .isEqualTo("* ESEARCH (TAG \"a\") PARTIAL (1:6 1:5)\r\na OK SEARCH completed\r\n");
        assertThat(search("SEARCH RETURN (PARTIAL 6:6) ALL"))
                .isEqualTo("* ESEARCH (TAG \"a\") PARTIAL (6:6 NIL)\r\na OK SEARCH completed\r\n");
        assertThat(search("SEARCH RETURN (PARTIAL 2:3) 1:2,4:5"))
                .isEqualTo("* ESEARCH (TAG \"a\") PARTIAL (2:3 2,4)\r\na OK SEARCH completed\r\n");
        assertThat(search("UID SEARCH RETURN (PARTIAL -1:-2) ALL"))
                .isEqualTo("* ESEARCH (TAG \"a\") UID PARTIAL (-1:-2 4:5)\r\na OK SEARCH completed\r\n");
        assertThat(search("SEARCH RETURN (COUNT PARTIAL -1:-1) NOT 5"))
                .isEqualTo("* ESEARCH (TAG \"a\") COUNT 4 PARTIAL (-1:-1 4)\r\na OK SEARCH completed\r\n");
    }

    @Test
    void saveKeepsThePage() {
        assertThat(search("SEARCH RETURN (SAVE PARTIAL 2:3) ALL"))
                .isEqualTo("* ESEARCH (TAG \"a\") PARTIAL (2:3 2:3)\r\na OK SEARCH completed\r\n");
        assertThat(h.send("f SEARCH $")).isEqualTo("* SEARCH 2 3\r\nf OK SEARCH completed\r\n");
    }

    @Test
    void sortPagesInSortOrder() {
        // sizes fall with the sequence number, so SIZE order is 5 4 3 2 1
        assertThat(search("SORT RETURN (PARTIAL 1:2) (SIZE) UTF-8 ALL"))
                .isEqualTo("* ESEARCH (TAG \"a\") PARTIAL (1:2 5,4)\r\na OK SORT completed\r\n");
        assertThat(search("UID SORT RETURN (PARTIAL -1:-2) (SIZE) UTF-8 ALL"))
                .isEqualTo("* ESEARCH (TAG \"a\") UID PARTIAL (-1:-2 2,1)\r\na OK SORT completed\r\n");
    }

    @Test
    void fetchPagesTheSet() {
        assertThat(h.send("f UID FETCH 1:* (FLAGS) (PARTIAL -1:-2)"))
                .isEqualTo("* 4 FETCH (UID 4 FLAGS ())\r\n* 5 FETCH (UID 5 FLAGS ())\r\nf OK FETCH completed\r\n");
        assertThat(h.send("f FETCH 2:5 (UID) (PARTIAL 2:2)")).isEqualTo("* 3 FETCH (UID 3)\r\nf OK FETCH completed\r\n");
        h.send("t STORE 2,4 +FLAGS.SILENT (\\Flagged)");
        // after CHANGEDSINCE: a page of what changed
        String changed = h.send("f UID FETCH 1:* (UID) (CHANGEDSINCE 5 PARTIAL 1:1)");
        assertThat(changed).startsWith("* 2 FETCH (UID 2 MODSEQ (").doesNotContain("* 4 FETCH")
                .endsWith("f OK FETCH completed\r\n");
    }

    @Test
    void malformedRangesAreBad() {
        assertThat(search("SEARCH RETURN (PARTIAL 1) ALL")).startsWith("a BAD ");
        assertThat(search("SEARCH RETURN (PARTIAL 1:*) ALL")).startsWith("a BAD ");
        assertThat(search("SEARCH RETURN (PARTIAL *:1) ALL")).startsWith("a BAD ");
        assertThat(search("SEARCH RETURN (PARTIAL 0:3) ALL")).startsWith("a BAD ");
        SessionClient other = h.login();
        other.send("s SELECT INBOX");
        assertThat(other.send("a SEARCH RETURN (PARTIAL -1:3) ALL")).startsWith("a BAD ");
        assertThat(other.send("a SEARCH RETURN (PARTIAL 1:3 ALL) ALL")).startsWith("a BAD ");
        assertThat(other.send("a FETCH 1:* (UID) (PARTIAL 1:2 PARTIAL 3:4)")).startsWith("a BAD ");
    }

    @Test
    void advertised() {
        assertThat(h.send("c CAPABILITY")).contains(" PARTIAL ");
    }
}
