package io.serai.camel.mailbox.internal;

import io.serai.store.api.MessageContent;
import io.serai.store.api.mime.BodyPart;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.util.ByteSequence;
import org.apache.james.mime4j.util.ContentUtil;

/**
 * The attachments of a stored message, decoded: parts with {@code Content-Disposition: attachment}, or with a file
 * name, that are not the message's text (RFC 2183). Names come from the disposition's {@code filename} (RFC 2231
 * {@code filename*} included) or Content-Type's {@code name}, RFC 2047 decoded, then made safe
 * ({@link AttachmentNames}). At most {@code maxCount} are read, each at most {@code maxSize} decoded octets;
 * the rest are counted as skipped, never read into memory.
 */
final class AttachmentReader {

    record Attachment(String name, String contentType, byte[] bytes) {
    }

    record Result(List<Attachment> attachments, int skipped) {
    }

    private final int maxCount;
    private final long maxSize;

    AttachmentReader(int maxCount, long maxSize) {
        this.maxCount = maxCount;
        this.maxSize = maxSize;
    }

    Result read(MessageContent content) throws IOException {
        List<BodyPart> candidates = new ArrayList<>();
        collect(content.structure().body(), candidates, true);
        List<Attachment> out = new ArrayList<>();
        AttachmentNames names = new AttachmentNames();
        int skipped = 0;
        for (BodyPart part : candidates) {
            if (out.size() >= maxCount) {
                skipped++;
                continue;
            }
            byte[] bytes = decoded(content, part);
            if (bytes == null) {
                skipped++;
                continue;
            }
            out.add(new Attachment(names.next(fileName(part), out.size() + 1),
                    part.type() + "/" + part.subtype(), bytes));
        }
        return new Result(out, skipped);
    }

    /** Leaf parts that are attachments; the first text part outside an attachment is the message's text. */
    private static boolean collect(BodyPart part, List<BodyPart> into, boolean textWanted) {
        if (part.isMultipart()) {
            for (BodyPart child : part.parts()) {
                textWanted = collect(child, into, textWanted);
            }
            return textWanted;
        }
        boolean attachment = part.disposition().map(d -> d.toLowerCase(Locale.ROOT).startsWith("attachment"))
                .orElse(false);
        boolean named = fileName(part) != null;
        if (attachment || (named && !(textWanted && "text".equals(part.type())))) {
            into.add(part);
            return textWanted;
        }
        return textWanted && !"text".equals(part.type());
    }

    /** The decoded body, or null when it is larger than allowed (reading stops there). */
    private byte[] decoded(MessageContent content, BodyPart part) throws IOException {
        try (InputStream whole = content.openStream()) {
            whole.skipNBytes(part.bodyOffset());
            InputStream encoded = new java.io.BufferedInputStream(new Bounded(whole, part.octets()));
            InputStream in = switch (part.encoding().toLowerCase(Locale.ROOT)) {
                case "base64" -> new Base64InputStream(encoded, DecodeMonitor.SILENT);
                case "quoted-printable" -> new QuotedPrintableInputStream(encoded, DecodeMonitor.SILENT);
                default -> encoded;
            };
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxSize + 1));
            return bytes.length > maxSize ? null : bytes;
        }
    }

    static String fileName(BodyPart part) {
        String name = part.disposition().map(AttachmentReader::dispositionFileName).orElse(null);
        if (name == null) {
            name = part.parameters().get("name");
        }
        return name == null ? null : DecoderUtil.decodeEncodedWords(name, DecodeMonitor.SILENT);
    }

    private static String dispositionFileName(String disposition) {
        ByteSequence raw = ContentUtil.encode(disposition);
        RawBody body = RawFieldParser.DEFAULT.parseRawBody(raw, new org.apache.james.mime4j.stream.ParserCursor(0,
                raw.length()));
        String plain = null;
        for (NameValuePair p : body.getParams()) {
            String key = p.getName().toLowerCase(Locale.ROOT);
            if (key.equals("filename*")) {
                return rfc2231(p.getValue());
            }
            if (key.equals("filename")) {
                plain = p.getValue();
            }
        }
        return plain;
    }

    /** RFC 2231 §4: {@code charset'language'percent-encoded}; an unknown charset falls back to UTF-8. */
    private static String rfc2231(String value) {
        int first = value.indexOf('\'');
        int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
        if (second < 0) {
            return value;
        }
        Charset charset;
        try {
            charset = Charset.forName(value.substring(0, first));
        } catch (IllegalArgumentException e) {
            charset = StandardCharsets.UTF_8;
        }
        try {
            return URLDecoder.decode(value.substring(second + 1).replace("+", "%2B"), charset);
        } catch (IllegalArgumentException e) {
            return value.substring(second + 1);
        }
    }

    /** At most {@code limit} octets of {@code in}, without closing it early. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        private long left;

        Bounded(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
