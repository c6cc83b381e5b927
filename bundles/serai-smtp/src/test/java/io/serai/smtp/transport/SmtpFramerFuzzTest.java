package io.serai.smtp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.fuzz.FuzzInputs;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.serai.smtp.protocol.InputMode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The framer's property: however the network splits the bytes, the session sees the same lines, overlong
 * markers and chunk octets. A line {@code BDAT n} switches to chunk mode for n octets, as the session would.
 */
class SmtpFramerFuzzTest {

    private static final List<String> STREAMS = List.of(
            "EHLO c\r\nMAIL FROM:<a@b>\r\nDATA\r\nline\r\n.\r\n", "BDAT 5\r\nhelloQUIT\r\n",
            "BDAT 12 LAST\r\nab\r\ncd\r\n\r\nefNOOP\r\n", "a\rb\nc\r\n\r\n\r\r\n\n\r\n",
            "0123456789abcdefghij\r\nshort\r\n", "BDAT 0\r\nBDAT 3\r\n\r\n\r\n");

    private static final Pattern BDAT = Pattern.compile("BDAT (\\d{1,6}).*", Pattern.DOTALL);

    @Test
    void anySplitOfTheStreamGivesTheSameFrames() {
        FuzzInputs.run("smtp-framer", STREAMS, 10_000, (input, random) -> {
            int limit = 4 + random.nextInt(40);
            List<String> whole = frames(List.of(input), limit);
            List<String> split = frames(FuzzInputs.randomChunks(input, random), limit);
            assertThat(split).isEqualTo(whole);
        });
    }

    private static List<String> frames(List<byte[]> writes, int limit) {
        Recorder recorder = new Recorder(limit);
        EmbeddedChannel channel = new EmbeddedChannel(new SmtpFramer(recorder::mode), recorder);
        for (byte[] write : writes) {
            channel.writeInbound(Unpooled.copiedBuffer(write));
        }
        channel.finishAndReleaseAll();
        return recorder.finished();
    }

    /** Stands in for the session: records frames, merging chunk parts, and chooses the next input mode. */
    private static final class Recorder extends ChannelInboundHandlerAdapter {
        private final int limit;
        private final List<String> frames = new ArrayList<>();
        private final ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        private long chunkRemaining;

        Recorder(int limit) {
            this.limit = limit;
        }

        InputMode mode() {
            return chunkRemaining > 0 ? InputMode.chunk(chunkRemaining) : InputMode.lines(limit, false);
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object msg) {
            if (msg instanceof Frame.ChunkPart part) {
                assertThat((long) part.bytes().length).isBetween(1L, chunkRemaining);
                chunk.writeBytes(part.bytes());
                chunkRemaining -= part.bytes().length;
                if (chunkRemaining == 0) {
                    frames.add("chunk:" + text(chunk.toByteArray()));
                    chunk.reset();
                }
            } else if (msg instanceof Frame.Line line) {
                String text = text(line.bytes());
                assertThat(line.bytes().length + 2).isLessThanOrEqualTo(limit);
                frames.add("line:" + text);
                Matcher bdat = BDAT.matcher(text);
                if (bdat.matches()) {
                    chunkRemaining = Long.parseLong(bdat.group(1));
                }
            } else {
                frames.add("overlong");
            }
        }

        List<String> finished() {
            if (chunk.size() > 0) {
                frames.add("partial-chunk:" + text(chunk.toByteArray()));
            }
            return frames;
        }

        private static String text(byte[] bytes) {
            return FuzzInputs.escape(bytes);
        }
    }
}
