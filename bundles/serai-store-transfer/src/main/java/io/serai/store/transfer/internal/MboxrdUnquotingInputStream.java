package io.serai.store.transfer.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Undoes mboxrd quoting: a line matching {@code >+From } loses one {@code >} (the mboxrd variant described
 * in RFC 4155 appendix A), so {@code >From } becomes {@code From } and {@code >>From } becomes {@code >From }.
 * Runs of {@code >} are counted, not buffered, so no line can make it hold memory.
 */
public final class MboxrdUnquotingInputStream extends FilterInputStream {
    private static final byte[] FROM = {'F', 'r', 'o', 'm', ' '};

    private boolean atLineStart = true;
    private long pendingQuotes;
    private final byte[] tail = new byte[FROM.length + 1];
    private int tailPos;
    private int tailLength;

    public MboxrdUnquotingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        if (pendingQuotes > 0) {
            pendingQuotes--;
            return '>';
        }
        if (tailPos < tailLength) {
            return tail[tailPos++] & 0xff;
        }
        int c = in.read();
        if (!atLineStart) {
            atLineStart = c == '\n';
            return c;
        }
        atLineStart = false;
        if (c != '>') {
            atLineStart = c == '\n';
            return c;
        }
        long quotes = 0;
        while (c == '>') {
            quotes++;
            c = in.read();
        }
        int matched = 0;
        while (matched < FROM.length && c == FROM[matched]) {
            matched++;
            c = matched < FROM.length ? in.read() : -2;
        }
        tailPos = 0;
        tailLength = matched;
        System.arraycopy(FROM, 0, tail, 0, matched);
        if (matched == FROM.length) {
            pendingQuotes = quotes - 1;
        } else {
            pendingQuotes = quotes;
            if (c >= 0) {
                tail[tailLength++] = (byte) c;
                atLineStart = c == '\n';
            }
        }
        return read();
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
        return 0;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
