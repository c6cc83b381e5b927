package io.serai.store.transfer.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Removes the named header fields, folded continuation lines included (RFC 5322 section 2.2.3), from the
 * header section of a message and passes everything else, the body untouched. Used for the mbox status
 * headers, which hold mailbox state rather than message content.
 */
public final class HeaderDroppingInputStream extends FilterInputStream {
    /** Longer than any field name we remove; a longer name is simply kept. */
    private static final int MAX_NAME = 40;

    private final Set<String> lowerCaseNames;
    private final byte[] tail = new byte[MAX_NAME + 2];
    private int tailPos;
    private int tailLength;
    private boolean inHeader = true;
    private boolean atLineStart = true;
    private boolean droppingField;

    public HeaderDroppingInputStream(InputStream in, Set<String> lowerCaseNames) {
        super(in);
        this.lowerCaseNames = lowerCaseNames;
    }

    @Override
    public int read() throws IOException {
        if (tailPos < tailLength) {
            return tail[tailPos++] & 0xff;
        }
        if (!inHeader) {
            return in.read();
        }
        while (true) {
            int c = in.read();
            if (!atLineStart || c < 0) {
                atLineStart = c == '\n';
                return c;
            }
            if (c == '\n' || c == '\r') {
                return endOfHeaderOrLine(c);
            }
            if ((c == ' ' || c == '\t') && droppingField) {
                skipLine();
                continue;
            }
            int n = readName(c);
            String name = new String(tail, 0, n, StandardCharsets.ISO_8859_1);
            if (n > 1 && tail[n - 1] == ':' && !(c == ' ' || c == '\t')
                    && lowerCaseNames.contains(name.substring(0, n - 1).toLowerCase(Locale.ROOT))) {
                droppingField = true;
                skipLine();
                continue;
            }
            droppingField = false;
            atLineStart = tail[n - 1] == '\n';
            tailPos = 1;
            tailLength = n;
            return tail[0] & 0xff;
        }
    }

    /** An empty line ends the header section; a lone CR is just a byte of a line. */
    private int endOfHeaderOrLine(int c) throws IOException {
        droppingField = false;
        if (c == '\n') {
            inHeader = false;
            return c;
        }
        int next = in.read();
        atLineStart = false;
        if (next == '\n') {
            inHeader = false;
        }
        if (next >= 0) {
            tail[0] = (byte) next;
            tailPos = 0;
            tailLength = 1;
            atLineStart = next == '\n' && inHeader;
        }
        return c;
    }

    /** Reads into {@link #tail} up to and including ':' or a line end, at most {@link #MAX_NAME} bytes. */
    private int readName(int first) throws IOException {
        int n = 0;
        int c = first;
        while (true) {
            tail[n++] = (byte) c;
            if (c == ':' || c == '\n' || n == MAX_NAME) {
                return n;
            }
            c = in.read();
            if (c < 0) {
                return n;
            }
        }
    }

    private void skipLine() throws IOException {
        int c;
        do {
            c = in.read();
        } while (c >= 0 && c != '\n');
        atLineStart = true;
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
