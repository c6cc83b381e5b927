package io.serai.imap.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.serai.imap.protocol.encode.ResponseEncoder;
import io.serai.imap.protocol.response.FetchResponse;
import io.serai.imap.protocol.response.FetchValue;
import io.serai.imap.protocol.response.LiteralData;
import io.serai.store.api.ContentRegion;
import io.serai.store.api.Flags;
import io.serai.store.api.MessageContent;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.mime.MessageStructure;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a large body literal is read: through a file region only when the store has the message in a file. */
class ResponseWriterTest {

    /** A message a database holds: a region would be a temporary copy, so asking for one is the defect. */
    private static final class DatabaseContent implements MessageContent {
        private final byte[] bytes;

        DatabaseContent(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public MessageMeta meta() {
            return new MessageMeta(1, 1, Instant.EPOCH, bytes.length, Flags.NONE);
        }

        @Override
        public InputStream openStream() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public ContentRegion openRegion() throws IOException {
            throw new IOException("spooled a temporary file for a store without files");
        }

        @Override
        public boolean storedInFile() {
            return false;
        }

        @Override
        public MessageStructure structure() {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void aLargeLiteralOfAStoreWithoutFilesIsStreamedNotSpooled() {
        byte[] body = new byte[(int) ResponseWriter.LARGE_LITERAL * 3 + 17];
        Arrays.fill(body, (byte) 'x');
        ChannelHandlerContext[] ctx = new ChannelHandlerContext[1];
        EmbeddedChannel channel = new EmbeddedChannel(new ChannelInboundHandlerAdapter() {
            @Override
            public void handlerAdded(ChannelHandlerContext c) {
                ctx[0] = c;
            }
        });
        LiteralData.Region region = new LiteralData.Region(new DatabaseContent(body), 0, body.length);
        new ResponseWriter(new ResponseEncoder()).write(ctx[0],
                List.of(new FetchResponse(1, List.of(new FetchValue.Section("BODY[]", -1, region)))), false);

        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (ByteBuf b; (b = channel.readOutbound()) != null; b.release()) {
            byte[] chunk = new byte[b.readableBytes()];
            b.readBytes(chunk);
            wire.writeBytes(chunk);
        }
        String head = "* 1 FETCH (BODY[] {" + body.length + "}\r\n";
        byte[] expected = new byte[head.length() + body.length + 3];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, expected, 0, head.length());
        System.arraycopy(body, 0, expected, head.length(), body.length);
        System.arraycopy(")\r\n".getBytes(StandardCharsets.US_ASCII), 0, expected, head.length() + body.length, 3);
        assertThat(wire.toByteArray()).isEqualTo(expected);
    }
}
