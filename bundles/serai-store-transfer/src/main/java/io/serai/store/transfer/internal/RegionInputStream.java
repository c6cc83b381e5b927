package io.serai.store.transfer.internal;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The bytes {@code [start, end)} of a file, buffered: one message inside an mbox file. */
public final class RegionInputStream extends FilterInputStream {
    private long left;

    private RegionInputStream(InputStream in, long length) {
        super(in);
        this.left = length;
    }

    public static InputStream open(Path file, long start, long end) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(start); // a seek on a file channel, not a read
        } catch (IOException e) {
            in.close();
            throw e;
        }
        return new RegionInputStream(new BufferedInputStream(in, 64 * 1024), end - start);
    }

    @Override
    public int read() throws IOException {
        if (left <= 0) {
            return -1;
        }
        int c = in.read();
        if (c < 0) {
            throw new IOException("file shorter than when it was scanned");
        }
        left--;
        return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (left <= 0) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, left));
        if (n < 0) {
            throw new IOException("file shorter than when it was scanned");
        }
        left -= n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(Math.min(n, left));
        left -= skipped;
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(in.available(), left);
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
