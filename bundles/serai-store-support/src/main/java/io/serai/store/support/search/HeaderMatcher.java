package io.serai.store.support.search;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

import io.serai.store.api.mime.HeaderField;

/**
 * HEADER/FROM/TO/CC/BCC/SUBJECT matching: the field is located through the header index, unfolded, and
 * RFC 2047 encoded-words are decoded before a case-insensitive substring test.
 */
final class HeaderMatcher {
    private HeaderMatcher() {
    }

    static boolean matches(SearchMessage m, String field, String value) {
        String name = field.toLowerCase(Locale.ROOT);
        String needle = value.toLowerCase(Locale.ROOT);
        for (HeaderField f : m.structure().header()) {
            if (f.name().equals(name)) {
                if (needle.isEmpty() || AddressText.searchable(name, decodedValue(m.header(), f))
                        .toLowerCase(Locale.ROOT).contains(needle)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** All header fields decoded, for TEXT searches. */
    static String decodedHeader(SearchMessage m) {
        StringBuilder sb = new StringBuilder();
        for (HeaderField f : m.structure().header()) {
            sb.append(f.name()).append(": ").append(decodedValue(m.header(), f)).append('\n');
        }
        return sb.toString();
    }

    static String decodedValue(byte[] header, HeaderField f) {
        int start = (int) f.offset() + f.name().length() + 1;
        int end = (int) Math.min(header.length, f.offset() + f.length());
        if (start >= end) {
            return "";
        }
        String raw = text(ByteBuffer.wrap(header, start, end - start));
        String unfolded = raw.replaceAll("\r?\n", "").trim();
        return DecoderUtil.decodeEncodedWords(unfolded, DecodeMonitor.SILENT);
    }

    /** RFC 6532 allows UTF-8 headers; anything that is not valid UTF-8 is read as Latin-1 rather than dropped. */
    static String text(ByteBuffer bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes.duplicate()).toString();
        } catch (CharacterCodingException e) {
            return StandardCharsets.ISO_8859_1.decode(bytes).toString();
        }
    }
}
