package io.serai.store.transfer.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Writes CRLF as LF, for Maildir and mbox files; a CR not followed by LF is kept. */
public final class LfOutputStream extends FilterOutputStream {
    private boolean pendingCr;

    public LfOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        if (pendingCr) {
            pendingCr = false;
            if (b != '\n') {
                out.write('\r');
            }
        }
        if (b == '\r') {
            pendingCr = true;
        } else {
            out.write(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    /** Writes a CR held back at the very end of the message. */
    @Override
    public void flush() throws IOException {
        if (pendingCr) {
            pendingCr = false;
            out.write('\r');
        }
        out.flush();
    }
}
