package io.serai.imap.protocol.process;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * HEADER.FIELDS and HEADER.FIELDS.NOT (RFC 9051 §6.4.5): the header's fields whose names are (or are not) in the
 * list, compared case-insensitively, each with its folded lines and CRLF as stored, then the blank line.
 */
final class HeaderFieldFilter {

    private HeaderFieldFilter() {
    }

    /** @param header the header octets, blank line included or not */
    static byte[] filter(byte[] header, List<String> names, boolean not) {
        Set<String> wanted = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(header.length, 1024));
        int pos = 0;
        while (pos < header.length && header[pos] != '\r' && header[pos] != '\n') {
            int start = pos;
            int end = fieldEnd(header, pos);
            int colon = start;
            while (colon < end && header[colon] != ':') {
                colon++;
            }
            String name = new String(header, start, colon - start, StandardCharsets.ISO_8859_1).trim()
                    .toLowerCase(Locale.ROOT);
            if (colon < end && wanted.contains(name) != not) {
                out.write(header, start, end - start);
            }
            pos = end;
        }
        out.write('\r');
        out.write('\n');
        return out.toByteArray();
    }

    /** The offset after the field starting at {@code pos}: after its last line break not followed by WSP. */
    private static int fieldEnd(byte[] h, int pos) {
        int i = pos;
        while (i < h.length) {
            if (h[i] == '\n') {
                i++;
                if (i >= h.length || (h[i] != ' ' && h[i] != '\t')) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return i;
    }
}
