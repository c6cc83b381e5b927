package io.serai.imap.protocol.decode;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.fuzz.FuzzInputs;
import io.serai.imap.protocol.literal.LiteralSpool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CommandFramer}'s property: however the network splits a stream of commands (literals, LITERAL+,
 * literal8, oversized and malformed announcements, overlong lines), the sink sees the same continuations, frames
 * (spooled literals included) and errors as when the stream arrives whole; {@code feed} throws nothing; and no
 * spool file outlives its command or {@link CommandFramer#close()}.
 */
class CommandFramerFuzzTest {

    private static final List<String> STREAMS = List.of(
            "a1 NOOP\r\na2 CAPABILITY\r\n", "A001 LOGIN {11}\r\nFRED FOOBAR {7}\r\nfat man\r\na NOOP\r\n",
            "A001 LOGIN {11+}\r\nFRED FOOBAR {7+}\r\nfat man\r\n", "x APPEND INBOX {8}\r\na\r\n{2}\r\n\r\n\r\n",
            "x APPEND INBOX ~{4}\r\nab\0c\r\ny NOOP\r\n", "t1 APPEND INBOX {101}\r\nt2 NOOP\r\n",
            "t1 APPEND INBOX {300+}\r\n" + "z".repeat(300) + "\r\nt2 NOOP\r\n",
            "t APPEND INBOX {0}\r\n\r\n", "t LOGIN {99999999999999999999}\r\nt2 NOOP\r\n",
            "\r\n\n\r\r\na NOOP\n", "a APPEND INBOX CATENATE (TEXT {3}\r\nabc URL \"/INBOX/;UID=2\" TEXT {2+}\r\nhi)\r\n",
            "a AUTHENTICATE PLAIN\r\nAGZyZWQAc2VjcmV0\r\n*\r\n", "a SEARCH CHARSET UTF-8 TEXT {5}\r\ncaf\u00c3\u00a9\r\n",
            "a APPEND INBOX {40}\r\nSubject: x\r\n\r\n{5}\r\nnot a literal {3}\r\n\r\n");

    @TempDir
    Path spoolDir;

    @Test
    void anySplitOfTheStreamGivesTheSameEvents() {
        FuzzInputs.run("imap-framer", STREAMS, 6_000, (input, random) -> {
            FramerLimits limits = new FramerLimits(1024 + random.nextInt(64), random.nextInt(400),
                    2048 + random.nextInt(400), random.nextInt(400));
            long threshold = random.nextInt(3) != 0 ? -1 : random.nextInt(64); // a third spool to files
            List<String> whole = events(List.of(input), limits, threshold);
            List<String> split = events(FuzzInputs.randomChunks(input, random), limits, threshold);
            assertThat(split).isEqualTo(whole);
            try (Stream<Path> left = Files.list(spoolDir)) {
                assertThat(left).as("spool files left").isEmpty();
            }
        });
    }

    private List<String> events(List<byte[]> writes, FramerLimits limits, long threshold) {
        CommandFramer framer = threshold < 0 ? new CommandFramer(limits)
                : new CommandFramer(limits, new LiteralSpool(threshold, spoolDir));
        Recorder sink = new Recorder();
        for (byte[] write : writes) {
            // a window into a larger buffer, as the transport hands it over
            byte[] padded = new byte[write.length + 2];
            System.arraycopy(write, 0, padded, 1, write.length);
            framer.feed(padded, 1, write.length, sink);
        }
        sink.events.add("end: literal=" + framer.readingLiteral() + " closed=" + framer.closed());
        framer.close();
        return sink.events;
    }

    private static final class Recorder implements FrameSink {
        final List<String> events = new ArrayList<>();

        @Override
        public void continuationNeeded() {
            events.add("+");
        }

        @Override
        public void command(CommandFrame frame) {
            StringBuilder text = new StringBuilder("CMD:").append(FuzzInputs.escape(frame.bytes()));
            for (int at = 0; at <= frame.bytes().length; at++) {
                if (frame.spooledAt(at) != null) {
                    try {
                        text.append(" spooled@").append(at).append('=')
                                .append(FuzzInputs.escape(frame.spooledAt(at).readAll()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            frame.release();
            events.add(text.toString());
        }

        @Override
        public void error(DecodeException error) {
            events.add("ERR:" + error.tag() + ":" + error.getMessage() + (error.fatal() ? ":fatal" : ""));
        }
    }

    /** The frames a whole stream gives are the commands it holds: RequestDecoder takes each one or refuses it. */
    @Test
    void framedCommandsGoThroughTheDecoder() {
        RequestDecoder decoder = new RequestDecoder();
        FuzzInputs.run("imap-framer-decoder", STREAMS, 3_000, (input, random) -> {
            CommandFramer framer = new CommandFramer(FramerLimits.DEFAULT);
            List<CommandFrame> frames = new ArrayList<>();
            framer.feed(input, 0, input.length, new FrameSink() {
                @Override
                public void continuationNeeded() {
                }

                @Override
                public void command(CommandFrame frame) {
                    frames.add(frame);
                }

                @Override
                public void error(DecodeException error) {
                }
            });
            for (CommandFrame frame : frames) {
                try {
                    assertThat(decoder.decode(frame, random.nextBoolean())).isNotNull();
                } catch (DecodeException refused) {
                    // fine
                }
            }
        });
    }
}
