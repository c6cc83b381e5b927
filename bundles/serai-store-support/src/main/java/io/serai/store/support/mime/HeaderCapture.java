package io.serai.store.support.mime;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Keeps a copy of the bytes read until the end of the top-level header (the first empty line), so the
 * header index can be computed byte-exactly. Stops copying at {@code limit} bytes.
 */
final class HeaderCapture extends FilterInputStream {
    private final ByteArrayOutputStream header = new ByteArrayOutputStream(2048);
    private final int limit;
    private int last1 = -1;
    private int last2 = -1;
    private boolean done;

    HeaderCapture(InputStream in, int limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            capture(b);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        for (int i = 0; i < n && !done; i++) {
            capture(b[off + i] & 0xFF);
        }
        return n;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void capture(int b) {
        if (done) {
            return;
        }
        header.write(b);
        // the header ends at LF LF or LF CR LF; a message that starts with an empty line has no header
        if (b == '\n' && (last1 == '\n' || (last1 == '\r' && last2 == '\n') || header.size() <= 2 && isBlank())) {
            done = true;
        } else if (header.size() >= limit) {
            done = true;
        }
        last2 = last1;
        last1 = b;
    }

    private boolean isBlank() {
        byte[] h = header.toByteArray();
        return h.length == 1 || h[0] == '\r';
    }

    byte[] header() {
        return header.toByteArray();
    }
}
