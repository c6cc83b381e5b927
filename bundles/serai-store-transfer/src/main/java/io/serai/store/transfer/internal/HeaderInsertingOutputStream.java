package io.serai.store.transfer.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Adds header fields at the end of a message's header section, just before the empty line, with the line
 * end the message itself uses there. Used to write the mbox status headers on export. Call {@link #finish()}
 * at the end of the message: a message without a body still gets its fields.
 */
public final class HeaderInsertingOutputStream extends FilterOutputStream {
    private final List<String> fields;
    private boolean inserted;
    private boolean atLineStart = true;
    private boolean pendingCr;
    private int previous = -1;

    public HeaderInsertingOutputStream(OutputStream out, List<String> fields) {
        super(out);
        this.fields = fields;
        this.inserted = fields.isEmpty();
    }

    @Override
    public void write(int b) throws IOException {
        if (inserted) {
            out.write(b);
            return;
        }
        if (pendingCr) {
            pendingCr = false;
            if (b == '\n') {
                insert("\r\n");
                out.write('\r');
                out.write('\n');
                return;
            }
            out.write('\r');
            atLineStart = false;
        }
        if (atLineStart && b == '\r') {
            pendingCr = true;
            return;
        }
        if (atLineStart && b == '\n') {
            insert("\n");
            out.write(b);
            return;
        }
        out.write(b);
        atLineStart = b == '\n';
        previous = b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    /** Writes the fields if the message ended without an empty line, after ending its last line. */
    public void finish() throws IOException {
        if (inserted) {
            return;
        }
        if (pendingCr) {
            pendingCr = false;
            out.write('\r');
            previous = '\r';
        }
        if (previous >= 0 && previous != '\n') {
            out.write('\r');
            out.write('\n');
        }
        insert("\r\n");
    }

    private void insert(String lineEnd) throws IOException {
        inserted = true;
        for (String f : fields) {
            out.write((f + lineEnd).getBytes(StandardCharsets.ISO_8859_1));
        }
    }
}
