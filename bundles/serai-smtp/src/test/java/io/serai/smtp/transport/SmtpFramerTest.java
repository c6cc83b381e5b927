package io.serai.smtp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.serai.smtp.protocol.InputMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The framer, byte for byte, on an EmbeddedChannel. */
class SmtpFramerTest {

    private InputMode mode = InputMode.lines(10, false);
    private final SmtpFramer framer = new SmtpFramer(() -> mode);
    private final EmbeddedChannel channel = new EmbeddedChannel(framer);

    private void write(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
    }

    private List<String> frames() {
        List<String> frames = new ArrayList<>();
        Object frame;
        while ((frame = channel.readInbound()) != null) {
            if (frame instanceof Frame.Line line) {
                frames.add("line:" + new String(line.bytes(), StandardCharsets.ISO_8859_1));
            } else if (frame instanceof Frame.ChunkPart part) {
                frames.add("chunk:" + new String(part.bytes(), StandardCharsets.ISO_8859_1));
            } else {
                frames.add("overlong");
            }
        }
        return frames;
    }

    @Test
    void splitsOnCrlfOnlyAcrossReads() {
        write("NOOP\r");
        write("\nA\nB\r\nC");
        write("\r\n");
        assertThat(frames()).containsExactly("line:NOOP", "line:A\nB", "line:C");
    }

    @Test
    void lineAtTheLimitPassesAndOneOctetMoreIsSkipped() {
        write("12345678\r\n123456789\r\nOK\r\n");
        assertThat(frames()).containsExactly("line:12345678", "overlong", "line:OK");
    }

    @Test
    void overlongLineIsSkippedEvenWhenItsCrlfIsSplit() {
        write("0123456789abcdef");
        assertThat(frames()).isEmpty();
        write("ghij\r");
        assertThat(frames()).isEmpty();
        write("\nNEXT\r\n");
        assertThat(frames()).containsExactly("overlong", "line:NEXT");
    }

    @Test
    void chunkModeTakesExactlyTheCountedOctets() {
        mode = InputMode.chunk(5);
        write("he");
        assertThat(frames()).containsExactly("chunk:he");
        mode = InputMode.chunk(3);
        // the chunk part ends mid-buffer; the session then switches back to lines
        channel.pipeline().addLast(new io.netty.channel.ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(io.netty.channel.ChannelHandlerContext ctx, Object msg) {
                mode = InputMode.lines(10, false);
                ctx.fireChannelRead(msg);
            }
        });
        write("llo\r\nQUIT\r\n");
        assertThat(frames()).containsExactly("chunk:llo", "line:", "line:QUIT");
    }

    @Test
    void busySessionHoldsInputUntilDrained() {
        mode = InputMode.none();
        write("NOOP\r\nQUIT\r\n");
        assertThat(frames()).isEmpty();
        mode = InputMode.lines(10, false);
        framer.drain();
        assertThat(frames()).containsExactly("line:NOOP", "line:QUIT");
    }

    @Test
    void startTlsDiscardsBufferedAndLaterPlaintext() {
        mode = InputMode.none();
        write("MAIL FROM:<x@y>\r\n");
        framer.discardUntilResumed();
        write("RCPT TO:<z@y>\r\n");
        mode = InputMode.lines(100, false);
        framer.resume();
        write("EHLO a\r\n");
        assertThat(frames()).containsExactly("line:EHLO a");
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }
}
