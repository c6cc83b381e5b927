package io.serai.imap.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/** {@link DeflateCodec} alone: raw DEFLATE both ways, and inflation only as fast as the reader asks. */
class DeflateCodecTest {

    private static byte[] deflate(byte[] plain) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION, true),
                true)) {
            d.write(plain);
            d.flush();
        }
        return out.toByteArray();
    }

    @Test
    void aHighlyCompressedReadIsInflatedOneChunkPerReadRequest() throws Exception {
        byte[] zeros = new byte[8 << 20]; // 8 MiB of zeros deflate to a few KiB
        byte[] compressed = deflate(zeros);
        assertThat(compressed.length).isLessThan(16 * 1024);
        EmbeddedChannel ch = new EmbeddedChannel(new DeflateCodec());
        ch.config().setAutoRead(false);
        ch.writeInbound(Unpooled.wrappedBuffer(compressed));
        ByteBuf first = ch.readInbound();
        assertThat(first.readableBytes()).isLessThanOrEqualTo(16 * 1024);
        assertThat((Object) ch.readInbound()).as("nothing more until the reader asks").isNull();
        long total = first.readableBytes();
        first.release();
        int reads = 0;
        while (total < zeros.length && reads++ < 1000) {
            ch.read(); // what the framer does after processing a buffer
            ByteBuf next = ch.readInbound();
            total += next.readableBytes();
            next.release();
            assertThat((Object) ch.readInbound()).isNull();
        }
        assertThat(total).isEqualTo(zeros.length);
        ch.finishAndReleaseAll();
    }

    @Test
    void writesAreRawDeflateWithASyncFlushEach() throws Exception {
        EmbeddedChannel ch = new EmbeddedChannel(new DeflateCodec());
        ch.writeOutbound(Unpooled.copiedBuffer("* OK first\r\n".getBytes()));
        ch.writeOutbound(Unpooled.copiedBuffer("a OK second\r\n".getBytes()));
        Inflater inflater = new Inflater(true);
        StringBuilder text = new StringBuilder();
        for (ByteBuf b; (b = ch.readOutbound()) != null; ) {
            byte[] bytes = new byte[b.readableBytes()];
            b.readBytes(bytes);
            b.release();
            inflater.setInput(bytes);
            byte[] out = new byte[1024];
            int n = inflater.inflate(out); // a sync flush makes each write inflatable on its own
            text.append(new String(out, 0, n));
        }
        assertThat(text.toString()).isEqualTo("* OK first\r\na OK second\r\n");
        ch.finishAndReleaseAll();
    }
}
