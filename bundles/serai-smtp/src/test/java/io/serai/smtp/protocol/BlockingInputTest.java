package io.serai.smtp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.smtp.api.RecipientValidator;
import io.serai.smtp.api.RelayPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which input the transport must hand to a blocking executor, and which it may answer on its network thread. */
class BlockingInputTest {

    @TempDir
    Path spool;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void commandsAnsweredFromMemoryDoNotBlock() {
        SessionDriver d = new SessionDriver(Fixtures.mta().build(), false, spool);
        for (String line : new String[] {"EHLO client.example", "MAIL FROM:<s@remote.example>", "DATA", "NOOP",
                "RSET", "QUIT", "HELP", "VRFY alice", "rcptx", "RCPTTO:<x>"}) {
            assertThat(d.session.lineMayBlock(bytes(line))).as(line).isFalse();
        }
    }

    @Test
    void rcptBlocksUnlessValidatorAndRelayPolicyAnswerFromMemory() {
        SessionDriver blocking = new SessionDriver(Fixtures.mta().build(), false, spool);
        assertThat(blocking.session.lineMayBlock(bytes("RCPT TO:<alice@example.org>"))).isTrue();
        assertThat(blocking.session.lineMayBlock(bytes("rcpt to:<alice@example.org>"))).isTrue();

        SessionDriver inMemory = new SessionDriver(Fixtures.mta()
                .recipientValidator(RecipientValidator.acceptAll()).build(), false, spool);
        assertThat(inMemory.session.lineMayBlock(bytes("RCPT TO:<alice@example.org>"))).isFalse();

        SessionDriver lookedUpDomains = new SessionDriver(Fixtures.mta()
                .recipientValidator(RecipientValidator.acceptAll())
                .relayPolicy(RelayPolicy.of("example.org"::equals, false)).build(), false, spool);
        assertThat(lookedUpDomains.session.lineMayBlock(bytes("RCPT TO:<alice@example.org>"))).isTrue();
    }

    @Test
    void authAndItsContinuationLinesBlock() throws Exception {
        SessionDriver d = new SessionDriver(Fixtures.submission().build(), true, spool);
        d.ehlo();
        assertThat(d.session.lineMayBlock(bytes("AUTH LOGIN"))).isTrue();
        assertThat(d.send("AUTH LOGIN")).startsWith("334 ");
        assertThat(d.session.lineMayBlock(bytes("YWxpY2VAZXhhbXBsZS5vcmc="))).isTrue();
    }

    @Test
    void messageLinesBlockOnlyOnceTheSpoolGoesToDisk() {
        // Fixtures spool threshold: 100 bytes
        SessionDriver d = new SessionDriver(Fixtures.mta().build(), false, spool);
        d.ehlo();
        d.send("MAIL FROM:<s@remote.example>");
        d.send("RCPT TO:<alice@example.org>");
        assertThat(d.send("DATA")).startsWith("354");
        byte[] line = bytes("x".repeat(40));
        assertThat(d.session.lineMayBlock(line)).isFalse();
        d.send(line);
        d.send(line);
        assertThat(d.session.lineMayBlock(line)).as("this line crosses the threshold").isTrue();
        d.send(line);
        assertThat(d.session.lineMayBlock(bytes("."))).as("finishing a spooled message closes its file").isTrue();
        assertThat(d.session.lineTooLongMayBlock()).isTrue();
        d.send(".");
        assertThat(d.last.action()).isEqualTo(Response.Action.DELIVER);
    }
}
