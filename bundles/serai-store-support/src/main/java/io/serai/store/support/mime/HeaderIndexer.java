package io.serai.store.support.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.serai.store.api.mime.HeaderField;

/**
 * Splits raw header bytes into fields (RFC 5322 section 2.2: a field continues on lines that start with
 * white space) and records each one's offset and length, so the protocol layer can copy fields verbatim.
 */
final class HeaderIndexer {
    private final byte[] header;
    private final List<HeaderField> fields = new ArrayList<>();
    private long headerLength;

    HeaderIndexer(byte[] header) {
        this.header = header;
        index();
    }

    List<HeaderField> fields() {
        return fields;
    }

    /** Octets of the header including the empty line (or all captured bytes if there was none). */
    long headerLength() {
        return headerLength;
    }

    /** The unfolded value of the first field with this name (lower case), as bytes. */
    byte[] value(String name) {
        for (HeaderField f : fields) {
            if (f.name().equals(name)) {
                int start = (int) f.offset() + name.length() + 1;
                int end = (int) f.offset() + f.length();
                ByteArrayOutputStream out = new ByteArrayOutputStream(end - start);
                for (int i = start; i < end; i++) {
                    byte b = header[i];
                    if (b != '\r' && b != '\n') {
                        out.write(b);
                    }
                }
                return trim(out.toByteArray());
            }
        }
        return null;
    }

    private void index() {
        int pos = 0;
        int fieldStart = -1;
        while (pos < header.length) {
            int eol = lineEnd(pos);
            boolean blank = eol - pos == 0 || (eol - pos == 1 && header[pos] == '\r');
            boolean continuation = !blank && (header[pos] == ' ' || header[pos] == '\t');
            if (!continuation && fieldStart >= 0) {
                addField(fieldStart, pos);
                fieldStart = -1;
            }
            int next = Math.min(eol + 1, header.length);
            if (blank) {
                headerLength = next;
                return;
            }
            if (!continuation) {
                fieldStart = pos;
            }
            pos = next;
        }
        if (fieldStart >= 0) {
            addField(fieldStart, header.length);
        }
        headerLength = header.length;
    }

    private void addField(int start, int end) {
        int colon = start;
        while (colon < end && header[colon] != ':') {
            colon++;
        }
        if (colon == end) {
            return; // not a field; RFC 5322 parsers skip such lines
        }
        String name = new String(header, start, colon - start, StandardCharsets.US_ASCII).trim()
                .toLowerCase(Locale.ROOT);
        fields.add(new HeaderField(name, start, end - start));
    }

    private int lineEnd(int from) {
        for (int i = from; i < header.length; i++) {
            if (header[i] == '\n') {
                return i;
            }
        }
        return header.length;
    }

    private static byte[] trim(byte[] b) {
        int s = 0;
        int e = b.length;
        while (s < e && (b[s] == ' ' || b[s] == '\t')) {
            s++;
        }
        while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t')) {
            e--;
        }
        return Arrays.copyOfRange(b, s, e);
    }
}
