package io.serai.store.transfer.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * mboxrd quoting (RFC 4155 appendix A): every line matching {@code >*From } gets one more {@code >}, so the
 * reader can tell message separators from body lines and undo the quoting exactly. Runs of {@code >} are
 * counted rather than buffered. Call {@link #finish()} at the end of each message.
 */
public final class MboxrdQuotingOutputStream extends FilterOutputStream {
    private static final byte[] FROM = {'F', 'r', 'o', 'm', ' '};

    private boolean deciding = true;
    private long quotes;
    private int matched;

    public MboxrdQuotingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        if (!deciding) {
            out.write(b);
            deciding = b == '\n';
            return;
        }
        if (matched == 0 && b == '>') {
            quotes++;
            return;
        }
        if (b == FROM[matched]) {
            matched++;
            if (matched == FROM.length) {
                out.write('>');
                writePending();
                deciding = false;
            }
            return;
        }
        writePending();
        out.write(b);
        deciding = b == '\n';
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    /** Writes a line start held back at the end of the message; the next byte starts a new line. */
    public void finish() throws IOException {
        writePending();
        deciding = true;
    }

    private void writePending() throws IOException {
        for (; quotes > 0; quotes--) {
            out.write('>');
        }
        out.write(FROM, 0, matched);
        matched = 0;
    }
}
