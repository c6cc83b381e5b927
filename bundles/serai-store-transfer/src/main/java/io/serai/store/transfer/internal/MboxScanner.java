package io.serai.store.transfer.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Finds the messages of an mbox file in one streaming pass, reading only the first bytes of each line, so a
 * message of any size costs no memory. A message starts at a line beginning with {@code From } that opens the
 * file or follows an empty line; the empty line before it separates messages and belongs to neither (RFC 4155
 * section 2 and appendix A). In mboxrd every {@code From } at the start of a body line is quoted with
 * {@code >}, so any unquoted one is a separator.
 */
public final class MboxScanner {
    /** Enough for a From line and the status headers; the rest of a long line is skipped, not kept. */
    private static final int HEAD = 1000;

    /** Receives each message as soon as its end is known. */
    @FunctionalInterface
    public interface Sink {
        void message(MboxMessage message) throws IOException;
    }

    private final InputStream in;
    private final byte[] head = new byte[HEAD];
    private int headLength;
    private long offset;
    private long lineNumber;

    private long msgStart = -1;
    private long msgLine;
    private FromLine.Parsed from;
    private boolean inHeader;
    private MboxStatusHeaders.Reader status;

    private MboxScanner(InputStream in) {
        this.in = in;
    }

    /**
     * Scans {@code file}.
     *
     * @return false if the file is not an mbox (its first non-empty line is not a From line); no message was
     *         passed to the sink then
     */
    public static boolean scan(Path file, Sink sink) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            return new MboxScanner(in).run(sink);
        }
    }

    private boolean run(Sink sink) throws IOException {
        int previousEmpty = 0; // length of the previous line if it was empty, else 0
        long lineStart;
        while (true) {
            lineStart = offset;
            long length = readLine();
            if (length == 0) {
                break;
            }
            lineNumber++;
            int empty = emptyLineLength(length);
            boolean fromLine = startsWith(FromLine.PREFIX);
            if (msgStart < 0) {
                if (fromLine) {
                    begin(lineStart + length);
                } else if (empty == 0) {
                    return false;
                }
            } else if (fromLine && previousEmpty > 0) {
                sink.message(finish(lineStart - previousEmpty));
                begin(lineStart + length);
            } else if (inHeader) {
                if (empty > 0) {
                    inHeader = false;
                } else {
                    header();
                }
            }
            previousEmpty = empty;
        }
        if (msgStart >= 0) {
            sink.message(finish(offset - previousEmpty));
        }
        return true;
    }

    private void begin(long contentStart) {
        int end = headLength;
        while (end > 0 && (head[end - 1] == '\n' || head[end - 1] == '\r')) {
            end--;
        }
        from = FromLine.parse(new String(head, 0, end, StandardCharsets.ISO_8859_1));
        msgStart = contentStart;
        msgLine = lineNumber;
        inHeader = true;
        status = new MboxStatusHeaders.Reader();
    }

    private MboxMessage finish(long end) {
        return new MboxMessage(msgLine, msgStart, Math.max(end, msgStart), from.sender(), from.date(),
                status.flags());
    }

    /** Only the first line of a header field is read: status headers are short and never folded in practice. */
    private void header() {
        int colon = -1;
        for (int i = 0; i < headLength && i < 40; i++) {
            if (head[i] == ':') {
                colon = i;
                break;
            }
        }
        if (colon > 0) {
            String name = new String(head, 0, colon, StandardCharsets.ISO_8859_1);
            String value = new String(head, colon + 1, headLength - colon - 1, StandardCharsets.ISO_8859_1).trim();
            status.header(name, value);
        }
    }

    /** Reads one line: keeps up to {@link #HEAD} bytes of it and returns its full length, 0 at the end. */
    private long readLine() throws IOException {
        headLength = 0;
        long length = 0;
        int c;
        while ((c = in.read()) >= 0) {
            length++;
            if (headLength < HEAD) {
                head[headLength++] = (byte) c;
            }
            if (c == '\n') {
                break;
            }
        }
        offset += length;
        return length;
    }

    private int emptyLineLength(long length) {
        if (length == 1 && head[0] == '\n') {
            return 1;
        }
        return length == 2 && head[0] == '\r' && head[1] == '\n' ? 2 : 0;
    }

    private boolean startsWith(String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        return headLength >= p.length && Arrays.equals(head, 0, p.length, p, 0, p.length);
    }
}
