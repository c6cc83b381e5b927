package io.serai.pop3.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A RETR or TOP reply streamed from the store in chunks: the status line, the message byte-stuffed
 * (RFC 1939 §3: a line starting with "." gets another "."), a CRLF if the message does not end with one, and
 * the ".\r\n" terminator. For TOP (RFC 1939 §7) it stops after the header, the blank line and {@code n} body
 * lines, so it reads only that much of the message. Never holds more than one chunk in memory.
 *
 * <p>Plain Java: the transport pulls {@link #nextChunk()} as the socket drains (back-pressure) and calls
 * {@link #close()} in every case, {@link #completed()} only when all bytes were written.
 */
public final class Transfer implements AutoCloseable {

    static final int CHUNK = 16 * 1024;
    private static final byte[] TERMINATOR = {'.', '\r', '\n'};

    private final InputStream in;
    private final byte[] status;
    /** Body lines still to send for TOP, or -1 for the whole message. */
    private long bodyLinesLeft;
    private final Runnable onCompleted;
    private final byte[] raw = new byte[CHUNK];
    /** The output buffer, reused for every chunk: stuffing at most doubles the input. */
    private byte[] work;
    private boolean atLineStart = true;
    private boolean inBody;
    private int lineLength;
    private int last = -1;
    private int beforeLast = -1;
    private boolean contentSent;
    private boolean statusSent;
    private boolean done;

    Transfer(InputStream in, byte[] status, long topLines, Runnable onCompleted) {
        this.in = in;
        this.status = status;
        this.bodyLinesLeft = topLines;
        this.onCompleted = onCompleted;
    }

    public boolean isDone() {
        return done;
    }

    /**
     * The next bytes to send, or {@code null} once everything (terminator included) has been returned. Reads up
     * to {@link #CHUNK} octets of the message per call, so a small message goes out as one chunk, terminator
     * included.
     */
    public byte[] nextChunk() throws IOException {
        if (done) {
            return null;
        }
        if (work == null) {
            work = new byte[status.length + 2 * CHUNK + 2 + TERMINATOR.length];
        }
        byte[] out = work;
        int o = 0;
        if (!statusSent) {
            System.arraycopy(status, 0, out, 0, status.length);
            o = status.length;
            statusSent = true;
        }
        boolean end = inBody && bodyLinesLeft == 0;
        for (int budget = CHUNK; budget > 0 && !end; ) {
            int n = in.read(raw, 0, budget);
            if (n < 0) {
                end = true;
                break;
            }
            budget -= n;
            for (int i = 0; i < n && !end; i++) {
                o = put(out, o, raw[i]);
                end = inBody && bodyLinesLeft == 0;
            }
        }
        if (end) {
            if (contentSent && !(beforeLast == '\r' && last == '\n')) {
                out[o++] = '\r'; // the terminator must start a line of its own
                out[o++] = '\n';
            }
            System.arraycopy(TERMINATOR, 0, out, o, TERMINATOR.length);
            o += TERMINATOR.length;
            done = true;
            close();
        }
        return Arrays.copyOf(out, o);
    }

    private int put(byte[] out, int o, byte b) {
        if (atLineStart && b == '.') {
            out[o++] = '.';
        }
        out[o++] = b;
        contentSent = true;
        beforeLast = last;
        last = b;
        if (b == '\n') {
            boolean emptyLine = lineLength == 0 || (lineLength == 1 && beforeLast == '\r');
            if (inBody) {
                if (bodyLinesLeft > 0) {
                    bodyLinesLeft--;
                }
            } else if (emptyLine) {
                inBody = true; // RFC 5322 §2.1: the first empty line ends the header section
            }
            atLineStart = true;
            lineLength = 0;
        } else {
            atLineStart = false;
            lineLength++;
        }
        return o;
    }

    /** All bytes reached the client: report the retrieval. */
    public void completed() {
        if (onCompleted != null) {
            onCompleted.run();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
