package io.serai.store.embedded.internal.blob;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Copies everything read from the source into the segment, so parsing and storing is one pass. */
final class TeeInputStream extends FilterInputStream {
    private final SegmentOutput out;
    private long count;

    TeeInputStream(InputStream source, SegmentOutput out) {
        super(source);
        this.out = out;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            out.write(new byte[] {(byte) b}, 0, 1);
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            out.write(b, off, n);
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // skipping would lose bytes that must be stored
        byte[] buf = new byte[(int) Math.min(n, 8192)];
        int r = read(buf, 0, buf.length);
        return Math.max(r, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() {
        // the caller owns the source
    }

    long count() {
        return count;
    }

    void drain() throws IOException {
        byte[] buf = new byte[1 << 16];
        while (read(buf, 0, buf.length) >= 0) {
            // keep copying until the source ends
        }
    }
}
