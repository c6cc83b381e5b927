package io.serai.imap.protocol.decode;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.imap.protocol.literal.Literal;
import io.serai.imap.protocol.literal.LiteralSpool;
import io.serai.imap.protocol.literal.SpooledLiteral;
import io.serai.imap.protocol.request.AppendMessageRequest;
import io.serai.imap.protocol.request.LoginRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Literals past the spool threshold go to files, byte for byte, and no file outlives its command. */
class CommandFramerSpoolTest {

    /** LITERAL+ bounds (RFC 7888 §3): a {n+} may be as large as a synchronizing literal. */
    private static final FramerLimits LIMITS = new FramerLimits(1024, 5000, 20_000, 5000);

    @TempDir
    Path spoolDir;

    private CommandFramer framer(long threshold) {
        return new CommandFramer(LIMITS, new LiteralSpool(threshold, spoolDir));
    }

    private List<Path> spoolFiles() throws IOException {
        try (Stream<Path> files = Files.list(spoolDir)) {
            return files.toList();
        }
    }

    private static String data(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; b.length() < n; i++) {
            b.append(i % 50 == 49 ? "\r\n" : String.valueOf((char) ('a' + i % 26)));
        }
        return b.substring(0, n);
    }

    @Test
    void literalAboveTheThresholdIsSpooledOctetForOctetAndLeftOutOfTheFrame() throws Exception {
        CommandFramer framer = framer(100);
        String message = data(3000);
        RecordingSink sink = new RecordingSink();
        assertThat(RecordingSink.feed(framer, "a APPEND INBOX {3000}\r\n")).containsExactly("+");
        assertThat(spoolFiles()).hasSize(1); // opened before the continuation: no octet waits in memory
        byte[] bytes = (message + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < bytes.length; i += 7) { // in odd pieces, as TCP may deliver it
            framer.feed(bytes, i, Math.min(7, bytes.length - i), sink);
        }
        assertThat(sink.events).containsExactly("CMD:a APPEND INBOX {3000}\r\n <1 spooled>");
        CommandFrame frame = sink.frames.get(0);
        SpooledLiteral spooled = frame.spooledAt(frame.bytes().length);
        assertThat(spooled.size()).isEqualTo(3000);
        assertThat(Files.readAllBytes(spooled.file())).isEqualTo(message.getBytes(StandardCharsets.ISO_8859_1));

        AppendMessageRequest append = (AppendMessageRequest) new RequestDecoder().decode(frame, false);
        Literal literal = append.message();
        assertThat(literal).isSameAs(spooled); // handed on as the file, not copied to memory
        try (var in = literal.open()) {
            assertThat(in.readAllBytes()).isEqualTo(message.getBytes(StandardCharsets.ISO_8859_1));
        }
        frame.release();
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void literalsWithinTheThresholdStayInMemory() throws Exception {
        CommandFramer framer = framer(100);
        assertThat(RecordingSink.feed(framer, "a APPEND INBOX {60+}\r\n" + data(60) + "\r\n"))
                .containsExactly("CMD:a APPEND INBOX {60+}\r\n" + data(60));
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void theThresholdBoundsTheWholeCommandSoMultiappendSpoolsOnceItIsPassed() throws Exception {
        CommandFramer framer = framer(150);
        // 60 + 60 in memory with the lines; the third would pass 150 octets held, so it goes to a file
        List<String> events = RecordingSink.feed(framer, "a APPEND INBOX {60+}\r\n" + data(60) + " {60+}\r\n"
                + data(60) + " {60+}\r\n" + data(60) + "\r\n");
        assertThat(events).hasSize(1);
        assertThat(events.get(0)).endsWith(" {60+}\r\n <1 spooled>");
        assertThat(spoolFiles()).hasSize(1);
    }

    @Test
    void nonSynchronizingLiteralOfAnySizeUpToTheLimitNeedsNoContinuation() throws Exception {
        // LITERAL+ (RFC 7888 §3): 4097 octets, one more than LITERAL- would take (RFC 7888 §5)
        CommandFramer framer = framer(100);
        RecordingSink sink = new RecordingSink();
        byte[] bytes = ("a APPEND INBOX {4097+}\r\n" + data(4097) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        framer.feed(bytes, 0, bytes.length, sink);
        assertThat(sink.events).containsExactly("CMD:a APPEND INBOX {4097+}\r\n <1 spooled>");
        sink.frames.get(0).release();
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void nonSynchronizingLiteralPastTheLimitEndsTheConnection() throws Exception {
        // RFC 7888 §4 lets the server close instead of reading and dropping what it will not take
        CommandFramer framer = framer(100);
        assertThat(RecordingSink.feed(framer, "a APPEND INBOX {5001+}\r\nxyz"))
                .containsExactly("ERR:a:[TOOBIG] Literal too large:fatal");
        assertThat(framer.closed()).isTrue();
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void aCommandRejectedAfterSpoolingDeletesItsFiles() throws Exception {
        CommandFramer framer = framer(100);
        assertThat(RecordingSink.feed(framer, "a APPEND INBOX {3000+}\r\n" + data(3000) + " {1500}\r\n"))
                .containsExactly("+");
        assertThat(spoolFiles()).hasSize(2);
        // the next literal is over the limit: BAD without a continuation, and the files of the command go
        assertThat(RecordingSink.feed(framer, data(1500) + " {20000}\r\n"))
                .containsExactly("ERR:a:[TOOBIG] Literal too large");
        assertThat(spoolFiles()).isEmpty();
        assertThat(RecordingSink.feed(framer, "b NOOP\r\n")).containsExactly("CMD:b NOOP");
    }

    @Test
    void closingMidLiteralDeletesThePartialFile() throws Exception {
        CommandFramer framer = framer(100);
        RecordingSink.feed(framer, "a APPEND INBOX {3000}\r\n", data(1000));
        assertThat(spoolFiles()).hasSize(1);
        framer.close();
        assertThat(spoolFiles()).isEmpty();
        assertThat(RecordingSink.feed(framer, data(2000) + "\r\n")).isEmpty();
    }

    @Test
    void anUnusableSpoolDirectoryRefusesTheLiteralBeforeTheContinuationAndFramingGoesOn() {
        CommandFramer framer = new CommandFramer(LIMITS, new LiteralSpool(100, spoolDir.resolve("missing")));
        assertThat(RecordingSink.feed(framer, "a APPEND INBOX {3000}\r\n", "b NOOP\r\n"))
                .containsExactly("ERR:a:[UNAVAILABLE] Cannot spool the literal", "CMD:b NOOP");
        // a non-synchronizing one is on its way already: read, dropped, then refused
        assertThat(RecordingSink.feed(framer, "c APPEND INBOX {3000+}\r\n" + data(3000) + "\r\nd NOOP\r\n"))
                .containsExactly("ERR:c:[UNAVAILABLE] Cannot spool the literal", "CMD:d NOOP");
    }

    @Test
    void aSpooledLiteralOfAnotherCommandIsReadBackForItsArgument() throws Exception {
        CommandFramer framer = new CommandFramer(LIMITS, new LiteralSpool(0, spoolDir)); // spool everything
        RecordingSink sink = new RecordingSink();
        byte[] bytes = "a LOGIN {5+}\r\nalice {6+}\r\npencil\r\n".getBytes(StandardCharsets.US_ASCII);
        framer.feed(bytes, 0, bytes.length, sink);
        assertThat(sink.events).containsExactly("CMD:a LOGIN {5+}\r\n {6+}\r\n <2 spooled>");
        LoginRequest login = (LoginRequest) new RequestDecoder().decode(sink.frames.get(0), false);
        assertThat(login.user()).isEqualTo("alice");
        assertThat(new String(login.password(), StandardCharsets.US_ASCII)).isEqualTo("pencil");
        sink.frames.get(0).release();
        assertThat(spoolFiles()).isEmpty();
    }
}
