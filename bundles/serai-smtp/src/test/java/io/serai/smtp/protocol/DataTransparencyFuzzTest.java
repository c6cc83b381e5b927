package io.serai.smtp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.fuzz.FuzzInputs;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The DATA round trip (RFC 5321 §4.5.2): a client dot-stuffs a body and sends it with {@code CRLF.CRLF}; the
 * receiver, fed the CRLF-split lines, gives back exactly the body, or the bare-line-ending refusal when the body
 * holds a CR or LF that is not part of a CRLF.
 */
class DataTransparencyFuzzTest {

    private static final List<String> BODIES = List.of(
            "Subject: x\r\n\r\nhello\r\n", ".\r\n", "..\r\n.a\r\n\r\n.\r\n", "a\r\n.\r\nb\r\n", "",
            "line\r\n\r\n\r\n", ". leading dot\r\n...\r\n");

    @Test
    void stuffingThenReceivingGivesBackTheBody() {
        FuzzInputs.run("smtp-data", BODIES, 20_000, (input, random) -> {
            byte[] body = endWithCrlf(input);
            MemorySink sink = new MemorySink();
            DataReceiver receiver = new DataReceiver(sink, Long.MAX_VALUE);
            List<byte[]> lines = lines(stuff(body));
            for (int i = 0; i < lines.size(); i++) {
                boolean terminator = receiver.line(lines.get(i));
                assertThat(terminator).isEqualTo(i == lines.size() - 1);
            }
            if (hasBareCrOrLf(body)) {
                assertThat(receiver.problem()).isEqualTo(Replies.BARE_LINE_ENDING_IN_DATA);
            } else {
                assertThat(receiver.problem()).isNull();
                assertThat(sink.bytes.toByteArray()).isEqualTo(body);
            }
        });
    }

    private static byte[] endWithCrlf(byte[] input) {
        int n = input.length;
        if (n >= 2 && input[n - 2] == '\r' && input[n - 1] == '\n' || n == 0) {
            return input;
        }
        byte[] out = Arrays.copyOf(input, n + 2);
        out[n] = '\r';
        out[n + 1] = '\n';
        return out;
    }

    /** What a client sends: a dot before every line that starts with one, then the terminator. */
    private static byte[] stuff(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean lineStart = true;
        for (int i = 0; i < body.length; i++) {
            if (lineStart && body[i] == '.') {
                out.write('.');
            }
            out.write(body[i]);
            lineStart = body[i] == '\n' && i > 0 && body[i - 1] == '\r';
        }
        out.writeBytes(FuzzInputs.bytes(".\r\n"));
        return out.toByteArray();
    }

    /** Splits on CRLF only, as SmtpFramer does. */
    private static List<byte[]> lines(byte[] stream) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i + 1 < stream.length; i++) {
            if (stream[i] == '\r' && stream[i + 1] == '\n') {
                lines.add(Arrays.copyOfRange(stream, start, i));
                start = i + 2;
                i++;
            }
        }
        return lines;
    }

    private static boolean hasBareCrOrLf(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            boolean crlfCr = body[i] == '\r' && i + 1 < body.length && body[i + 1] == '\n';
            boolean crlfLf = body[i] == '\n' && i > 0 && body[i - 1] == '\r';
            if ((body[i] == '\r' && !crlfCr) || (body[i] == '\n' && !crlfLf)) {
                return true;
            }
        }
        return false;
    }

    private static final class MemorySink implements MessageSink {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void write(byte[] b, int offset, int length) {
            bytes.write(b, offset, length);
        }

        @Override
        public long size() {
            return bytes.size();
        }

        @Override
        public SpooledContent finish(byte[] prefix) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void discard() {
            bytes.reset();
        }
    }
}
