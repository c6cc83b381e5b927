package io.serai.store.support.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;

/**
 * BODY search: streams the message once through mime4j, decodes each text part's transfer encoding and
 * charset, and looks for the string case-insensitively without holding a whole part in memory.
 */
final class BodyTextMatcher {
    private BodyTextMatcher() {
    }

    static boolean matches(SearchMessage m, String value) {
        String needle = value.toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return true;
        }
        MimeTokenStream stream = new MimeTokenStream(MimeConfig.PERMISSIVE);
        try (InputStream in = m.content()) {
            stream.parse(in);
            for (EntityState s = stream.getState(); s != EntityState.T_END_OF_STREAM; s = stream.next()) {
                if (s == EntityState.T_BODY && isText(stream.getBodyDescriptor())
                        && contains(new InputStreamReader(stream.getDecodedInputStream(),
                        charset(stream.getBodyDescriptor())), needle)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MimeException e) {
            return false;
        }
    }

    private static boolean isText(BodyDescriptor d) {
        return "text".equalsIgnoreCase(d.getMediaType());
    }

    private static Charset charset(BodyDescriptor d) {
        try {
            String cs = d.getCharset();
            // us-ascii is mime4j's default; reading it as Latin-1 keeps stray 8-bit bytes searchable
            return cs == null || cs.equalsIgnoreCase("us-ascii") ? StandardCharsets.ISO_8859_1 : Charset.forName(cs);
        } catch (RuntimeException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    /** Chunked search that keeps the last needle-length characters so matches across chunks are found. */
    static boolean contains(Reader reader, String needle) throws IOException {
        char[] buf = new char[8192];
        StringBuilder window = new StringBuilder();
        for (int n = reader.read(buf); n >= 0; n = reader.read(buf)) {
            window.append(new String(buf, 0, n).toLowerCase(Locale.ROOT));
            if (window.indexOf(needle) >= 0) {
                return true;
            }
            int keep = Math.min(window.length(), needle.length() - 1);
            window.delete(0, window.length() - keep);
        }
        return false;
    }
}
