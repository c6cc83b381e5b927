package io.serai.store.support.mime;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Watches the raw bytes on their way to mime4j (which reads ahead, so it cannot say where things are) and
 * remembers where empty lines and lines starting with "--" are. Once the tree is known, these give every
 * part's exact header and body offsets (RFC 2046 section 5.1.1: a delimiter is CRLF "--" boundary).
 */
final class LineIndex extends FilterInputStream {
    /** RFC 2046 limits boundaries to 70 characters; a little more covers "--" and "--" plus padding. */
    private static final int PREFIX = 80;

    /**
     * A line that may be a delimiter: where it starts, where the next line starts, its first bytes, and the
     * length of the line break before it (which belongs to the delimiter, not to the part before).
     */
    record DashLine(long start, long next, String text, int precedingBreak) {
    }

    private final List<DashLine> dashLines = new ArrayList<>();
    private long[] blankStarts = new long[16];
    private long[] blankNexts = new long[16];
    private int blanks;
    private final byte[] prefix = new byte[PREFIX];
    private int lineLength;
    private long lineStart;
    private long position;
    private int lastBreak;
    private long lines;
    /** Line number at the positions parts can start or end at: after blank lines, at "--" lines. */
    private final Map<Long, Long> lineAt = new HashMap<>();

    LineIndex(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            see((byte) b);
        } else {
            finish();
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n < 0) {
            finish();
        }
        for (int i = 0; i < n; i++) {
            see(b[off + i]);
        }
        return n;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void see(byte b) {
        if (lineLength < PREFIX) {
            prefix[lineLength] = b;
        }
        lineLength++;
        position++;
        if (b == '\n') {
            endLine();
        }
    }

    /** A last line without a line break still counts (a closing delimiter often ends the message). */
    private void finish() {
        if (lineLength > 0) {
            endLine();
        }
    }

    private void endLine() {
        int breakLength = 0;
        if (lineLength <= PREFIX && lineLength > 0 && prefix[lineLength - 1] == '\n') {
            breakLength = lineLength > 1 && prefix[lineLength - 2] == '\r' ? 2 : 1;
        } else if (lineLength > PREFIX) {
            breakLength = 2; // long lines are never delimiters; assume CRLF for what follows
        }
        int n = Math.min(lineLength, PREFIX);
        while (n > 0 && (prefix[n - 1] == '\n' || prefix[n - 1] == '\r')) {
            n--;
        }
        if (n == 0) {
            if (blanks == blankStarts.length) {
                blankStarts = Arrays.copyOf(blankStarts, blanks * 2);
                blankNexts = Arrays.copyOf(blankNexts, blanks * 2);
            }
            blankStarts[blanks] = lineStart;
            blankNexts[blanks++] = position;
            lineAt.put(position, lines + 1);
        } else if (n >= 2 && prefix[0] == '-' && prefix[1] == '-') {
            lineAt.put(lineStart, lines);
            dashLines.add(new DashLine(lineStart, position, new String(prefix, 0, n, StandardCharsets.ISO_8859_1),
                    lastBreak));
        }
        lastBreak = breakLength;
        lineStart = position;
        lineLength = 0;
        lines++;
    }

    /** Lines between two recorded positions (a body start and the delimiter or end after it). */
    long linesBetween(long from, long toMark) {
        Long a = from == 0 ? Long.valueOf(0) : lineAt.get(from);
        Long b = toMark == position ? Long.valueOf(lines) : lineAt.get(toMark);
        return a == null || b == null ? 0 : Math.max(0, b - a);
    }

    long size() {
        return position;
    }

    /** Delimiter lines of {@code boundary} within [from, to), in order. */
    List<DashLine> delimiters(String boundary, long from, long to) {
        String open = "--" + boundary;
        List<DashLine> out = new ArrayList<>();
        for (DashLine d : dashLines) {
            if (d.start() >= from && d.start() < to) {
                String t = d.text().stripTrailing();
                if (t.equals(open) || t.equals(open + "--")) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    /** Where the body of an entity starting at {@code start} begins: after its first empty line, if before {@code end}. */
    long bodyStart(long start, long end) {
        int i = Arrays.binarySearch(blankStarts, 0, blanks, start);
        if (i < 0) {
            i = -i - 1;
        }
        return i < blanks && blankStarts[i] < end ? blankNexts[i] : end;
    }
}
