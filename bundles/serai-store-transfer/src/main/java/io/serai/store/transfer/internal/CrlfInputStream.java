package io.serai.store.transfer.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Turns every LF that is not already preceded by CR into CRLF, as bytes. The store keeps messages as RFC 5322
 * wants them (CRLF), while Maildir and mbox files use LF; a message that already has CRLF passes unchanged.
 */
public final class CrlfInputStream extends FilterInputStream {
    private boolean lastWasCr;
    private boolean pendingLf;

    public CrlfInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        if (pendingLf) {
            pendingLf = false;
            lastWasCr = false;
            return '\n';
        }
        int c = in.read();
        if (c == '\n' && !lastWasCr) {
            pendingLf = true;
            lastWasCr = true;
            return '\r';
        }
        lastWasCr = c == '\r';
        return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return Filters.readByBytes(this, b, off, len);
    }

    @Override
    public long skip(long n) throws IOException {
        return Filters.skipByBytes(this, n);
    }

    @Override
    public int available() {
        return pendingLf ? 1 : 0;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
