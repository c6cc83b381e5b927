package io.serai.pop3.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.fuzz.FuzzInputs;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** However the network splits the bytes, {@link Pop3Framer} yields the same lines and overlong markers. */
class Pop3FramerFuzzTest {

    private static final List<String> STREAMS = List.of(
            "USER alice\r\nPASS secret word\r\nSTAT\r\n", "LIST\nRETR 1\r\n\r\n\n", "0123456789abcdefghijklmn\r\nok\r\n",
            "a\rb\r\r\n\r", "TOP 1 2\r\nQUIT\r\n");

    @Test
    void anySplitOfTheStreamGivesTheSameLines() {
        FuzzInputs.run("pop3-framer", STREAMS, 10_000, (input, random) -> {
            int limit = 3 + random.nextInt(40);
            List<String> whole = frames(List.of(input), limit);
            List<String> split = frames(FuzzInputs.randomChunks(input, random), limit);
            assertThat(split).isEqualTo(whole);
        });
    }

    private static List<String> frames(List<byte[]> writes, int limit) {
        EmbeddedChannel channel = new EmbeddedChannel(new Pop3Framer(limit, () -> true));
        for (byte[] write : writes) {
            channel.writeInbound(Unpooled.copiedBuffer(write));
        }
        List<String> frames = new ArrayList<>();
        for (Object frame = channel.readInbound(); frame != null; frame = channel.readInbound()) {
            if (frame == Pop3Framer.OVERLONG) {
                frames.add("overlong");
            } else {
                byte[] line = (byte[]) frame;
                assertThat(line.length + 1).isLessThanOrEqualTo(limit);
                frames.add("line:" + FuzzInputs.escape(line));
            }
        }
        channel.finishAndReleaseAll();
        return frames;
    }
}
