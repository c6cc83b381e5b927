package io.serai.store.embedded.internal.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Reads a region of a shared channel with positional reads, so many readers share one open file. */
final class SegmentInputStream extends InputStream {
    private final FileChannel channel;
    private long position;
    private final long end;

    SegmentInputStream(FileChannel channel, long position, long length) {
        this.channel = channel;
        this.position = position;
        this.end = position + length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (position >= end) {
            return -1;
        }
        int want = (int) Math.min(len, end - position);
        int n = channel.read(ByteBuffer.wrap(b, off, want), position);
        if (n < 0) {
            throw new IOException("segment shorter than its index says");
        }
        position += n;
        return n;
    }

    @Override
    public long skip(long n) {
        long s = Math.min(n, end - position);
        position += s;
        return s;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, end - position);
    }
}
