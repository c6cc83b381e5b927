package io.serai.imap.transport;

import static io.serai.imap.transport.LargeAppendOverSocketTest.login;
import static io.serai.imap.transport.LargeAppendOverSocketTest.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serai.imap.api.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The size limits still answer as before with spooled literals, over a socket: APPENDLIMIT 1 MB gives NO [TOOBIG]
 * (RFC 7889, RFC 9051 §7.1) after the literal; past the literal limit (2 MB) a synchronizing literal gets BAD [TOOBIG]
 * instead of the continuation (RFC 9051 §7.5) and a non-synchronizing one ends the connection (RFC 7888 §4). No
 * spool file is left in any case.
 */
class LiteralLimitsOverSocketTest {

    private static final int APPEND_LIMIT = 1024 * 1024;
    private static final int LITERAL_LIMIT = 2 * 1024 * 1024;

    @TempDir
    Path dir;
    private Path spool;
    private ServerFixture fixture;
    private RawImapBytesClient client;

    @BeforeEach
    void start() throws Exception {
        spool = Files.createDirectories(dir.resolve("spool"));
        fixture = new ServerFixture(dir.resolve("store"), b -> b.spoolDirectory(spool).appendLimit(APPEND_LIMIT)
                .limits(Limits.defaults().withAuthFailureDelay(Duration.ZERO, Duration.ZERO)
                        .withLiteralSizes(8192, LITERAL_LIMIT)));
        client = login(fixture);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        fixture.close();
    }

    private long spoolFiles() throws IOException {
        try (Stream<Path> files = Files.list(spool)) {
            return files.count();
        }
    }

    private String line() throws IOException {
        return new String(client.line(), StandardCharsets.US_ASCII);
    }

    private String untilTagged(String tag) throws IOException {
        return new String(client.untilTagged(tag), StandardCharsets.US_ASCII);
    }

    @Test
    void capabilityAdvertisesLiteralPlusAndNotLiteralMinus() throws Exception {
        // RFC 7888 §5: a server advertises one of the two; LITERAL+ allows all that LITERAL- does
        String capability = new String(client.command("c", "CAPABILITY"), StandardCharsets.US_ASCII);
        assertThat(capability).contains(" LITERAL+ ").doesNotContain("LITERAL-");
    }

    @Test
    void synchronizingMessageOverAppendLimitIsReadThenRefusedWithTooBig() throws Exception {
        byte[] bytes = message(APPEND_LIMIT + 1);
        client.send("a APPEND INBOX {" + bytes.length + "}\r\n");
        assertThat(line()).startsWith("+ ");
        client.send(bytes);
        client.send("\r\n");
        assertThat(untilTagged("a")).isEqualTo("a NO [TOOBIG] Message exceeds APPENDLIMIT\r\n");
        assertThat(spoolFiles()).isZero();
        assertThat(fixture.store.mailboxes(ServerFixture.ALICE).open("INBOX").uids()).isEmpty();
    }

    @Test
    void nonSynchronizingMessageOverAppendLimitIsRefusedWithTooBig() throws Exception {
        byte[] bytes = message(APPEND_LIMIT + 1);
        client.send("a APPEND INBOX {" + bytes.length + "+}\r\n");
        client.send(bytes);
        client.send("\r\n");
        assertThat(untilTagged("a")).isEqualTo("a NO [TOOBIG] Message exceeds APPENDLIMIT\r\n");
        assertThat(spoolFiles()).isZero();
    }

    @Test
    void synchronizingLiteralOverTheLiteralLimitGetsBadInsteadOfTheContinuation() throws Exception {
        client.send("a APPEND INBOX {" + (LITERAL_LIMIT + 1) + "}\r\n");
        assertThat(line()).isEqualTo("a BAD [TOOBIG] Literal too large\r\n");
        assertThat(new String(client.command("n", "NOOP"), StandardCharsets.US_ASCII))
                .isEqualTo("n OK NOOP completed\r\n");
        assertThat(spoolFiles()).isZero();
    }

    @Test
    void nonSynchronizingLiteralOverTheLiteralLimitEndsTheConnectionWithBye() throws Exception {
        // RFC 7888 §4: rather than read and drop octets it will not take, the server says BYE and closes
        // only the announcement: octets the server never reads could turn its close into a reset that drops the BYE
        client.send("a APPEND INBOX {" + (LITERAL_LIMIT + 1) + "+}\r\n");
        assertThat(line()).isEqualTo("a BAD [TOOBIG] Literal too large\r\n");
        assertThat(line()).startsWith("* BYE ");
        assertThatThrownBy(client::line).isInstanceOf(IOException.class);
        assertThat(spoolFiles()).isZero();
    }
}
