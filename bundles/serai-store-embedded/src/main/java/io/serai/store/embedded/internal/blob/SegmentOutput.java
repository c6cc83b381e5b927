package io.serai.store.embedded.internal.blob;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/** Buffered positional writes into a segment; remembers the first failure so it is not mistaken for a source error. */
final class SegmentOutput {
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    private long position;
    /** Nothing has reached the channel yet: everything written so far is still in {@link #buffer}. */
    private boolean neverFlushed = true;
    private IOException failure;
    private final CRC32C crc = new CRC32C();

    SegmentOutput(FileChannel channel, long position) {
        this.channel = channel;
        this.position = position;
    }

    void write(byte[] b, int off, int len) throws IOException {
        crc.update(b, off, len);
        while (len > 0) {
            int n = Math.min(len, buffer.remaining());
            buffer.put(b, off, n);
            off += n;
            len -= n;
            if (!buffer.hasRemaining()) {
                flush();
            }
        }
    }

    void flush() throws IOException {
        if (failure != null) {
            throw failure;
        }
        neverFlushed = false;
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
        } catch (IOException e) {
            failure = e;
            throw e;
        } finally {
            buffer.clear();
        }
    }

    /**
     * A copy of all bytes written so far if they still fit in the buffer and none has been flushed, else
     * null: a small message is then copied into the journal without reading it back.
     */
    byte[] wholeIfBuffered() {
        return neverFlushed ? java.util.Arrays.copyOf(buffer.array(), buffer.position()) : null;
    }

    int crc() {
        return (int) crc.getValue();
    }

    IOException failure() {
        return failure;
    }

    long position() {
        return position + buffer.position();
    }
}
