package io.serai.camel.mailbox.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.serai.store.api.mime.BodyPart;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.ParserCursor;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.util.ByteSequence;
import org.apache.james.mime4j.util.ContentUtil;

/**
 * A part's file name: the {@code filename} parameter of Content-Disposition (RFC 2183 §2.3), else the
 * {@code name} parameter of Content-Type (the older form many clients still send). Parameters may be RFC 2231
 * encoded ({@code filename*=UTF-8''%E2%82%AC.pdf}) and continued ({@code filename*0*=}, {@code filename*1*=},
 * RFC 2231 §3-4); plain values may hold RFC 2047 encoded-words, which RFC 2047 §5 forbids there but many clients
 * write anyway.
 */
final class FileNames {

    private FileNames() {
    }

    static String of(BodyPart part) {
        String name = part.disposition().map(d -> parameter(dispositionParameters(d), "filename")).orElse(null);
        if (name == null) {
            name = parameter(part.parameters(), "name");
        }
        return name;
    }

    private static Map<String, String> dispositionParameters(String disposition) {
        ByteSequence raw = ContentUtil.encode(disposition);
        RawBody body = RawFieldParser.DEFAULT.parseRawBody(raw, new ParserCursor(0, raw.length()));
        Map<String, String> parameters = new HashMap<>();
        for (NameValuePair p : body.getParams()) {
            if (p.getValue() != null) {
                parameters.putIfAbsent(p.getName().toLowerCase(Locale.ROOT), p.getValue());
            }
        }
        return parameters;
    }

    /** The value of parameter {@code name} in any of its forms (lower-case keys), decoded; null when absent. */
    static String parameter(Map<String, String> parameters, String name) {
        String extended = parameters.get(name + "*");
        if (extended != null) {
            return extended(extended);
        }
        if (parameters.containsKey(name + "*0") || parameters.containsKey(name + "*0*")) {
            return continued(parameters, name);
        }
        String plain = parameters.get(name);
        return plain == null ? null : EncodedWords.decode(plain);
    }

    /** RFC 2231 §4: {@code charset'language'percent-encoded}. */
    private static String extended(String value) {
        int first = value.indexOf('\'');
        int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
        if (second < 0) {
            return value;
        }
        ByteArrayOutputStream octets = new ByteArrayOutputStream();
        return percentDecode(value.substring(second + 1), octets)
                ? new String(octets.toByteArray(), charset(value.substring(0, first))) : value;
    }

    /**
     * RFC 2231 §3: segments {@code name*0}, {@code name*1}, ... joined in order, up to the first missing number;
     * a segment ending in {@code *} is percent-encoded in the charset named at the start of segment 0.
     */
    private static String continued(Map<String, String> parameters, String name) {
        ByteArrayOutputStream octets = new ByteArrayOutputStream();
        Charset charset = StandardCharsets.UTF_8;
        for (int n = 0; ; n++) {
            String literal = parameters.get(name + "*" + n);
            String encoded = parameters.get(name + "*" + n + "*");
            if (literal == null && encoded == null) {
                break;
            }
            if (encoded == null) {
                octets.writeBytes(literal.getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (n == 0) {
                int first = encoded.indexOf('\'');
                int second = first < 0 ? -1 : encoded.indexOf('\'', first + 1);
                if (second >= 0) {
                    charset = charset(encoded.substring(0, first));
                    encoded = encoded.substring(second + 1);
                }
            }
            if (!percentDecode(encoded, octets)) {
                octets.writeBytes(encoded.getBytes(StandardCharsets.UTF_8));
            }
        }
        return new String(octets.toByteArray(), charset);
    }

    /** Appends the octets of {@code %XX}-encoded text; false (and nothing appended) when an escape is broken. */
    private static boolean percentDecode(String text, ByteArrayOutputStream into) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%') {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            int octet = EncodedWords.escapedOctet(text, i);
            if (octet < 0) {
                return false;
            }
            out.write(octet);
            i += 2;
        }
        into.writeBytes(out.toByteArray());
        return true;
    }

    /** The named charset; an unknown one falls back to UTF-8, the charset senders almost always mean. */
    private static Charset charset(String name) {
        try {
            return name.isEmpty() ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
