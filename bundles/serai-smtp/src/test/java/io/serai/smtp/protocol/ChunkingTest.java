package io.serai.smtp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CHUNKING/BDAT (RFC 3030) on the plain-Java session. */
class ChunkingTest {

    @TempDir
    Path spool;

    private SessionDriver ready() {
        SessionDriver d = new SessionDriver(Fixtures.mta().build(), false, spool);
        d.ehlo();
        return d;
    }

    @Test
    void chunksAreJoinedByteForByteWithoutDotHandling() {
        SessionDriver d = ready();
        d.pipeline("MAIL FROM:<a@b.example>", "RCPT TO:<alice@example.org>");
        assertThat(d.send("BDAT 14")).isEmpty();
        assertThat(d.session.inputMode()).isEqualTo(InputMode.chunk(14));
        assertThat(d.chunk("Subject: a\r\n\r\n".substring(0, 6))).isEmpty();
        assertThat(d.session.inputMode()).isEqualTo(InputMode.chunk(8));
        assertThat(d.chunk("t: a\r\n\r\n")).isEqualTo("250 2.0.0 14 octets received\r\n");
        assertThat(d.send("BDAT 7 LAST")).isEmpty();
        d.chunk(".\r\n.x\r\n");
        assertThat(d.deliveredContent()).endsWith("+0000\r\nSubject: a\r\n\r\n.\r\n.x\r\n");
        assertThat(d.last.delivery().envelope().recipients()).hasSize(1);
    }

    @Test
    void zeroLengthLastChunkEndsTheMessage() {
        SessionDriver d = ready();
        d.pipeline("MAIL FROM:<a@b.example>", "RCPT TO:<alice@example.org>", "BDAT 3");
        d.chunk("abc");
        d.send("BDAT 0 LAST");
        assertThat(d.deliveredContent()).endsWith("abc");
    }

    @Test
    void refusedChunkIsStillReadThenAnswered() {
        SessionDriver d = ready();
        assertThat(d.send("BDAT 5")).isEmpty();
        assertThat(d.chunk("hello")).isEqualTo("503 5.5.1 Need MAIL command first\r\n");
        assertThat(d.send("NOOP")).isEqualTo("250 2.0.0 OK\r\n");
        assertThat(d.send("BDAT five")).isEqualTo("501 5.5.4 Syntax error: BDAT <size> [LAST]\r\n");
    }

    @Test
    void dataAfterBdatAndOversizedChunks() {
        SessionDriver d = ready();
        d.pipeline("MAIL FROM:<a@b.example>", "RCPT TO:<alice@example.org>", "BDAT 2");
        d.chunk("ab");
        assertThat(d.send("DATA")).isEqualTo("503 5.5.1 DATA not allowed after BDAT\r\n");
        d.send("BDAT 20000 LAST");
        assertThat(d.session.inputMode()).isEqualTo(InputMode.chunk(20000));
        assertThat(d.chunk("z".repeat(20000))).startsWith("552 5.3.4");
        assertThat(d.last.action()).isEqualTo(Response.Action.CONTINUE);
        // the failed chunk ended the transaction
        assertThat(d.send("RCPT TO:<alice@example.org>")).startsWith("503 5.5.1 Need MAIL");
    }
}
