package io.serai.pop3.protocol;

import static io.serai.pop3.testing.TestStore.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.serai.fuzz.FuzzInputs;
import io.serai.pop3.api.Pop3EventListener;
import io.serai.pop3.api.Pop3ServerConfig;
import io.serai.pop3.testing.TestStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated conversations through {@link Pop3Session}: {@link Command} parsing, message numbers, AUTH base64 and
 * every state. Each reply must start with {@code +OK}, {@code -ERR} or a SASL {@code +}; nothing may throw.
 * QUIT is dropped from the input so the maildrop stays the same and every input replays alone.
 */
class Pop3SessionFuzzTest {

    private static final List<String> CONVERSATIONS = List.of(
            "CAPA\r\nUSER alice@example.org\r\nPASS pencil\r\nSTAT\r\nLIST\r\nLIST 2\r\nUIDL 1\r\nRETR 1\r\n"
                    + "TOP 2 1\r\nDELE 1\r\nRSET\r\nNOOP\r\n",
            "APOP alice@example.org c4c9334bac560ecc979e58001b3e22fb\r\nSTAT\r\n",
            "AUTH PLAIN AGFsaWNlQGV4YW1wbGUub3JnAHBlbmNpbA==\r\nTOP 1 99999999999999999999\r\nLIST 4294967296\r\n",
            "AUTH PLAIN\r\nAGFsaWNlQGV4YW1wbGUub3JnAHBlbmNpbA==\r\nRETR 3\r\nDELE 3\r\nDELE 3\r\nUIDL\r\n",
            "AUTH\r\nAUTH SCRAM-SHA-256\r\n*\r\nSTLS\r\nUSER\r\nPASS\r\nUSER alice@example.org\r\nPASS wrong\r\n",
            "user alice@example.org\r\npass pencil\r\nlist 1 2\r\ntop 1\r\nretr\r\nretr 0\r\nuidl x\r\n");

    @TempDir
    static Path dir;
    static TestStore store;

    @BeforeAll
    static void fill() throws Exception {
        store = new TestStore(dir);
        store.append(ALICE, TestStore.DOTTED);
        store.append(ALICE, TestStore.PLAIN);
        store.append(ALICE, TestStore.UNTERMINATED);
    }

    @AfterAll
    static void close() throws Exception {
        store.close();
    }

    @Test
    void conversationsAnswerWithStatusLinesAndNeverThrow() {
        Pop3ServerConfig config = SessionDriver.config(store.store, new Pop3EventListener() { })
                .userWithoutTls(true).build();
        FuzzInputs.run("pop3-session", CONVERSATIONS, 2_000, (input, random) -> converse(config, input));
    }

    private static void converse(Pop3ServerConfig config, byte[] input) {
        // half the sessions start as if on TLS, so STLS-gated commands are reached both ways
        SessionDriver driver = new SessionDriver(config, input.length % 2 == 0);
        assertThat(driver.greeting()).startsWith("+OK");
        int start = 0;
        for (int i = 0; i < input.length; i++) {
            if (input[i] != '\n') {
                continue;
            }
            byte[] line = Arrays.copyOfRange(input, start, i > start && input[i - 1] == '\r' ? i - 1 : i);
            start = i + 1;
            if (Command.parse(line).keyword().equals("QUIT")) {
                continue;
            }
            Response response = driver.session.onLine(line);
            String output = driver.render(response);
            if (!output.isEmpty()) {
                assertThat(output).matches("(?s)(\\+OK|-ERR|\\+ ).*\r\n");
            }
            if (response.action() == Response.Action.CLOSE) {
                break;
            }
            if (response.action() == Response.Action.START_TLS) {
                driver.session.tlsStarted();
            }
        }
        driver.session.closed();
    }

    @Test
    void numbersAreDigitsOrMinusOne() {
        FuzzInputs.run("pop3-number", List.of("1", "42", "999999999999999999", "0", "007"), 20_000, (input, random) -> {
            String text = new String(input, StandardCharsets.ISO_8859_1);
            long n = Command.number(text);
            assertThat(n).isGreaterThanOrEqualTo(-1);
            if (n >= 0) {
                assertThat(Long.toString(n)).isEqualTo(text.replaceFirst("^0+(?=.)", ""));
            }
            Command.parse(input).args();
        });
    }
}
