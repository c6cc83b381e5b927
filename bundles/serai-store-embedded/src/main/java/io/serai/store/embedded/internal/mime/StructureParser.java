package io.serai.store.embedded.internal.mime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.stream.RecursionMode;

import io.serai.store.api.mime.BodyPart;
import io.serai.store.api.mime.Envelope;
import io.serai.store.api.mime.MessageStructure;

/**
 * Computes a message's structure in one streaming pass with mime4j's token stream. Body bytes are only
 * counted, never decoded or turned into Strings. message/rfc822 parts are not descended into, so their
 * octet count stays exact.
 */
public final class StructureParser {
    private static final int HEADER_LIMIT = 1 << 20;

    /** Reads {@code content} to its end and describes it. Malformed MIME degrades to a flat text/plain body. */
    public MessageStructure parse(InputStream content) throws IOException {
        HeaderCapture capture = new HeaderCapture(content, HEADER_LIMIT);
        BodyPart body;
        try {
            body = parseParts(capture);
        } catch (MimeException | RuntimeException e) {
            // not MIME we can describe: the bytes are stored anyway, described as one text body
            body = null;
        }
        HeaderIndexer header = new HeaderIndexer(capture.header());
        if (body == null) {
            body = new BodyPart("text", "plain", Map.of("charset", "us-ascii"), Optional.empty(), Optional.empty(),
                    "7bit", Optional.empty(), 0, 0, List.of());
        }
        return new MessageStructure(header.fields(), header.headerLength(), envelope(header), body,
                sentDate(header.value("date")));
    }

    private BodyPart parseParts(InputStream in) throws IOException, MimeException {
        MimeTokenStream stream = new MimeTokenStream(MimeConfig.PERMISSIVE);
        stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
        stream.parse(in);
        Deque<PartBuilder> open = new ArrayDeque<>();
        BodyPart root = null;
        byte[] buf = new byte[8192];
        for (EntityState s = stream.getState(); s != EntityState.T_END_OF_STREAM; s = stream.next()) {
            switch (s) {
                case T_START_MESSAGE, T_START_BODYPART -> open.push(new PartBuilder());
                case T_FIELD -> open.peek().field(stream.getField());
                case T_START_MULTIPART -> open.peek().descriptor(stream.getBodyDescriptor());
                case T_BODY -> {
                    open.peek().descriptor(stream.getBodyDescriptor());
                    open.peek().countBody(stream.getInputStream(), buf);
                }
                case T_END_MESSAGE, T_END_BODYPART -> {
                    BodyPart done = open.pop().build();
                    if (open.isEmpty()) {
                        root = done;
                    } else {
                        open.peek().children.add(done);
                    }
                }
                default -> {
                    // preamble, epilogue and multipart delimiters carry nothing BODYSTRUCTURE needs
                }
            }
        }
        return root;
    }

    private static Envelope envelope(HeaderIndexer h) {
        return new Envelope(opt(h, "date"), opt(h, "subject"), opt(h, "from"), opt(h, "sender"),
                opt(h, "reply-to"), opt(h, "to"), opt(h, "cc"), opt(h, "bcc"), opt(h, "in-reply-to"),
                opt(h, "message-id"));
    }

    private static Optional<byte[]> opt(HeaderIndexer h, String name) {
        return Optional.ofNullable(h.value(name));
    }

    static Optional<Long> sentDate(byte[] value) {
        if (value == null) {
            return Optional.empty();
        }
        String s = new String(value, StandardCharsets.US_ASCII).replaceAll("\\([^)]*\\)", "").trim()
                .replaceAll("\\s+", " ");
        try {
            return Optional.of(ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Collects one entity's fields and body counts. */
    private static final class PartBuilder {
        final List<BodyPart> children = new ArrayList<>();
        String type = "text";
        String subtype = "plain";
        String encoding = "7bit";
        Map<String, String> params = new HashMap<>();
        Optional<String> id = Optional.empty();
        Optional<String> description = Optional.empty();
        Optional<String> disposition = Optional.empty();
        long octets;
        long lines;

        void field(Field f) {
            String name = f.getNameLowerCase();
            switch (name) {
                case "content-type" -> {
                    RawField raw;
                    try {
                        raw = f instanceof RawField r ? r : RawFieldParser.DEFAULT.parseField(f.getRaw());
                    } catch (MimeException e) {
                        return; // a Content-Type that does not parse keeps the defaults
                    }
                    for (NameValuePair p : RawFieldParser.DEFAULT.parseRawBody(raw).getParams()) {
                        if (p.getValue() != null) {
                            params.put(p.getName().toLowerCase(Locale.ROOT), p.getValue());
                        }
                    }
                }
                case "content-id" -> id = Optional.of(f.getBody().trim());
                case "content-description" -> description = Optional.of(f.getBody().trim());
                case "content-disposition" -> disposition = Optional.of(f.getBody().trim());
                default -> {
                }
            }
        }

        void descriptor(BodyDescriptor d) {
            type = d.getMediaType().toLowerCase(Locale.ROOT);
            subtype = d.getSubType().toLowerCase(Locale.ROOT);
            encoding = d.getTransferEncoding().toLowerCase(Locale.ROOT);
            if (d.getCharset() != null && "text".equals(type)) {
                params.putIfAbsent("charset", d.getCharset());
            }
        }

        void countBody(InputStream body, byte[] buf) throws IOException {
            for (int n = body.read(buf); n >= 0; n = body.read(buf)) {
                octets += n;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
            }
        }

        BodyPart build() {
            return new BodyPart(type, subtype, params, id, description, encoding, disposition, octets, lines,
                    children);
        }
    }
}
