package io.serai.store.transfer.internal;

import java.io.IOException;
import java.io.InputStream;

/** Array reads for the byte-at-a-time line filters; the stream below them is buffered. */
final class Filters {
    private Filters() {
    }

    static int readByBytes(InputStream filter, byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = 0;
        while (n < len) {
            int c = filter.read();
            if (c < 0) {
                return n == 0 ? -1 : n;
            }
            b[off + n++] = (byte) c;
        }
        return n;
    }

    static long skipByBytes(InputStream filter, long n) throws IOException {
        long skipped = 0;
        while (skipped < n && filter.read() >= 0) {
            skipped++;
        }
        return skipped;
    }
}
