package io.serai.store.transfer.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The envelope sender of a stored message, from its Return-Path field (RFC 5321 section 4.4), which the
 * delivering server adds; it is what belongs on the mbox From line. The null path {@code <>} counts as none.
 */
final class ReturnPath {
    /** Header lines longer than this are not Return-Path lines worth reading. */
    private static final int MAX_LINE = 2000;

    private ReturnPath() {
    }

    static Optional<String> read(InputStream raw) throws IOException {
        InputStream in = new BufferedInputStream(raw, 8192);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c != '\n') {
                if (line.size() < MAX_LINE) {
                    line.write(c);
                }
                continue;
            }
            String text = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
            if (text.isEmpty()) {
                return Optional.empty(); // end of the header section
            }
            if (text.toLowerCase(Locale.ROOT).startsWith("return-path:")) {
                String path = text.substring("return-path:".length()).trim();
                if (path.startsWith("<") && path.endsWith(">")) {
                    path = path.substring(1, path.length() - 1).trim();
                }
                return path.isEmpty() ? Optional.empty() : Optional.of(path);
            }
            line.reset();
        }
        return Optional.empty();
    }
}
