package io.serai.pop3.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
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
    /** The output buffer of {@link #nextChunk()}, reused for every chunk. */
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

    /** The most bytes one call of {@link #nextChunk(ByteBuffer)} writes: stuffing at most doubles the input. */
    public int maxChunkSize() {
        return status.length + 2 * CHUNK + 2 + TERMINATOR.length;
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
            work = new byte[maxChunkSize()];
        }
        ByteBuffer out = ByteBuffer.wrap(work);
        nextChunk(out);
        return Arrays.copyOf(work, out.position());
    }

    /**
     * Writes the next bytes to send into {@code out}, which has at least {@link #maxChunkSize()} bytes free, so the
     * transport can fill its own (direct) buffer with no copy in between. Returns false, writing nothing, once
     * everything has been written.
     */
    public boolean nextChunk(ByteBuffer out) throws IOException {
        if (done) {
            return false;
        }
        if (!statusSent) {
            out.put(status);
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
            end = stuff(out, n);
        }
        if (end) {
            if (contentSent && !(beforeLast == '\r' && last == '\n')) {
                out.put((byte) '\r').put((byte) '\n'); // the terminator must start a line of its own
            }
            out.put(TERMINATOR);
            done = true;
            close();
        }
        return true;
    }

    /**
     * Copies {@code raw[0..n)} to {@code out} a line at a time, doubling a dot that starts a line; returns true when
     * TOP has sent all the lines it wants (the rest of {@code raw} is dropped).
     */
    private boolean stuff(ByteBuffer out, int n) {
        int i = 0;
        while (i < n) {
            if (inBody && bodyLinesLeft == 0) {
                return true;
            }
            if (atLineStart && raw[i] == '.') {
                out.put((byte) '.');
            }
            int lf = indexOfLf(i, n);
            int stop = lf < 0 ? n : lf + 1;
            out.put(raw, i, stop - i);
            contentSent = true;
            beforeLast = stop - i >= 2 ? raw[stop - 2] : last;
            last = raw[stop - 1];
            if (lf < 0) {
                lineLength += stop - i;
                atLineStart = false;
            } else {
                int length = lineLength + lf - i; // the line without its LF
                boolean emptyLine = length == 0 || (length == 1 && beforeLast == '\r');
                if (inBody) {
                    if (bodyLinesLeft > 0) {
                        bodyLinesLeft--;
                    }
                } else if (emptyLine) {
                    inBody = true; // RFC 5322 §2.1: the first empty line ends the header section
                }
                atLineStart = true;
                lineLength = 0;
            }
            i = stop;
        }
        return inBody && bodyLinesLeft == 0;
    }

    private int indexOfLf(int from, int to) {
        for (int i = from; i < to; i++) {
            if (raw[i] == '\n') {
                return i;
            }
        }
        return -1;
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
