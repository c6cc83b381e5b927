package io.serai.smtp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.fuzz.FuzzInputs;
import io.serai.sasl.SaslMechanisms;
import io.serai.smtp.api.SmtpServerConfig;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole conversations, mutated, through {@link SmtpSession} framed as the transport frames them: every command
 * parser (verbs, paths, ESMTP parameters, BDAT sizes, AUTH base64, DATA lines) sees fuzzed input. The session
 * must answer with well-formed replies and never throw.
 */
class SmtpSessionFuzzTest {

    private static final Pattern REPLY_LINE = Pattern.compile("[2-5]\\d\\d([ -][^\r\n]*)?");

    private static final List<String> CONVERSATIONS = List.of(
            "EHLO client.example\r\nMAIL FROM:<alice@example.org> SIZE=20\r\nRCPT TO:<bob@example.org>\r\nDATA\r\n"
                    + "Subject: hi\r\n\r\n..dot\r\nbody\r\n.\r\nQUIT\r\n",
            "EHLO c\r\nMAIL FROM:<alice@example.org> BODY=8BITMIME\r\nRCPT TO:<bob@example.org>\r\nBDAT 5\r\nhelloBDAT 7 LAST\r\n"
                    + "\r\nworld\r\nRSET\r\n",
            "EHLO c\r\nAUTH PLAIN AGFsaWNlQGV4YW1wbGUub3JnAHNlY3JldA==\r\nMAIL FROM:<alice@example.org>\r\n",
            "EHLO c\r\nAUTH LOGIN\r\nYWxpY2VAZXhhbXBsZS5vcmc=\r\nc2VjcmV0\r\nNOOP\r\n",
            "EHLO c\r\nAUTH PLAIN\r\n=\r\n*\r\nAUTH CRAM-MD5\r\n*\r\n",
            "HELO c\r\nMAIL FROM:<>\r\nRCPT TO:<postmaster>\r\nRCPT TO:<\"q\"@example.org> NOTIFY=NEVER\r\nDATA\r\n.\r\n",
            "EHLO c\r\nMAIL FROM:<j\u00c3\u00b6rg@example.org> SMTPUTF8\r\nRCPT TO:<bob@example.org>\r\nDATA\r\na\rb\r\n.\r\n",
            "EHLO c\r\nSTARTTLS\r\nEHLO c\r\nVRFY bob\r\nEXPN list\r\nHELP\r\nQUIT\r\n");

    @TempDir
    Path spool;

    @Test
    void mtaConversations() throws Exception {
        fuzz("smtp-session-mta", Fixtures.mta().build(), false);
    }

    @Test
    void submissionConversationsWithAuth() throws Exception {
        fuzz("smtp-session-submission", Fixtures.submission().build(), true);
    }

    private void fuzz(String name, SmtpServerConfig config, boolean tls) {
        FuzzInputs.run(name, CONVERSATIONS, 3_000, (input, random) -> converse(config, tls, input));
    }

    /** Frames {@code input} as SmtpFramer would (CRLF lines within the limit, or BDAT chunks) and feeds it. */
    private void converse(SmtpServerConfig config, boolean tls, byte[] input) throws Exception {
        SmtpSession session = new SmtpSession(config, new InetSocketAddress("192.0.2.7", 40000), tls,
                new ThresholdSpool(config.limits().spoolThreshold(), spool), () -> "TX",
                config.credentials().map(SaslMechanisms::new).orElse(null));
        check(session.greeting());
        int at = 0;
        while (at < input.length) {
            InputMode mode = session.inputMode();
            Response response;
            if (mode.kind() == InputMode.Kind.NONE) {
                break;
            } else if (mode.kind() == InputMode.Kind.CHUNK) {
                int n = (int) Math.min(mode.limit(), input.length - at);
                response = session.onChunk(input, at, n);
                at += n;
            } else {
                int end = indexOfCrlf(input, at);
                if (end < 0) {
                    break;
                }
                byte[] line = Arrays.copyOfRange(input, at, end);
                at = end + 2;
                response = line.length + 2 > mode.limit() ? session.onLineTooLong() : session.onLine(line);
            }
            check(response);
            if (response.action() == Response.Action.DELIVER) {
                try (InputStream content = response.delivery().content().openStream()) {
                    content.readAllBytes();
                }
                check(session.deliveryCompleted(null, null));
            } else if (response.action() == Response.Action.START_TLS) {
                check(session.tlsStarted());
            } else if (response.action() == Response.Action.CLOSE) {
                break;
            }
        }
        session.closed();
    }

    private static void check(Response response) {
        String output = new String(response.output(), StandardCharsets.ISO_8859_1);
        if (output.isEmpty()) {
            return;
        }
        assertThat(output).endsWith("\r\n");
        for (String line : output.substring(0, output.length() - 2).split("\r\n", -1)) {
            assertThat(line).matches(REPLY_LINE);
        }
    }

    private static int indexOfCrlf(byte[] input, int from) {
        for (int i = from; i + 1 < input.length; i++) {
            if (input[i] == '\r' && input[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
