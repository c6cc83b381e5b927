package io.serai.pop3.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * What the framer does with input that arrives while the session is busy (a RETR being sent): it holds it without
 * touching read interest, and stops reading only once more than its limit is held, i.e. for a client that pipelines
 * without reading the replies; reading resumes when the session has worked the held commands off.
 */
class Pop3FramerHoldTest {

    private static final int MAX_LINE = 255;
    private static final byte[] NOOP = "NOOP\r\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aCommandArrivingDuringATransferIsHeldWithReadingLeftOn() {
        AtomicBoolean ready = new AtomicBoolean(false);
        EmbeddedChannel channel = new EmbeddedChannel(new Pop3Framer(MAX_LINE, ready::get));
        channel.writeInbound(Unpooled.wrappedBuffer("RETR 2\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertThat((Object) channel.readInbound()).as("nothing passed while busy").isNull();
        assertThat(channel.config().isAutoRead()).isTrue();

        ready.set(true);
        ((Pop3Framer) channel.pipeline().first()).drain();
        assertThat(new String((byte[]) channel.readInbound(), StandardCharsets.US_ASCII)).isEqualTo("RETR 2");
        assertThat(channel.config().isAutoRead()).isTrue();
        channel.finishAndReleaseAll();
    }

    @Test
    void morePipelinedInputThanTheLimitPausesReadingUntilItIsWorkedOff() {
        AtomicBoolean ready = new AtomicBoolean(false);
        Pop3Framer framer = new Pop3Framer(MAX_LINE, ready::get);
        EmbeddedChannel channel = new EmbeddedChannel(framer);
        int commands = pipelineUntilPaused(channel);
        assertThat(commands * NOOP.length).isGreaterThan(Pop3Framer.HELD_INPUT_LIMIT);
        assertThat((Object) channel.readInbound()).isNull();

        // the session becomes ready: the held commands go through, in order, and reading resumes
        ready.set(true);
        framer.drain();
        assertThat(channel.config().isAutoRead()).isTrue();
        int passed = 0;
        for (Object frame = channel.readInbound(); frame != null; frame = channel.readInbound()) {
            assertThat(new String((byte[]) frame, StandardCharsets.US_ASCII)).isEqualTo("NOOP");
            passed++;
        }
        assertThat(passed).isEqualTo(commands);
        channel.finishAndReleaseAll();
    }

    @Test
    void readingStaysPausedWhileTheSessionHoldsItItself() {
        AtomicBoolean ready = new AtomicBoolean(false);
        Pop3Framer framer = new Pop3Framer(MAX_LINE, ready::get);
        EmbeddedChannel channel = new EmbeddedChannel(framer);
        pipelineUntilPaused(channel);
        // e.g. a delayed AUTH failure reply: not ready, so a drain must not switch reading back on
        framer.drain();
        assertThat(channel.config().isAutoRead()).isFalse();
        channel.finishAndReleaseAll();
    }

    /** Sends NOOPs while the channel reads; returns how many it took to pause reading, which must be within the limit. */
    private static int pipelineUntilPaused(EmbeddedChannel channel) {
        int commands = 0;
        while (channel.config().isAutoRead()) {
            channel.writeInbound(Unpooled.wrappedBuffer(NOOP));
            commands++;
            assertThat(commands).as("reading paused within the limit")
                    .isLessThanOrEqualTo(Pop3Framer.HELD_INPUT_LIMIT / NOOP.length + 1);
        }
        return commands;
    }
}
