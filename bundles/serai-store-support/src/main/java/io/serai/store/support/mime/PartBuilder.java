package io.serai.store.support.mime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;

import io.serai.store.api.mime.BodyPart;
import io.serai.store.api.mime.Envelope;

/** Collects one entity's fields, body counts and offsets while the message streams by. */
final class PartBuilder {
    final List<PartBuilder> children = new ArrayList<>();
    private String type = "text";
    private String subtype = "plain";
    private String encoding = "7bit";
    private final Map<String, String> params = new HashMap<>();
    private Optional<String> id = Optional.empty();
    private Optional<String> description = Optional.empty();
    private Optional<String> disposition = Optional.empty();
    private long octets;
    private long lines;
    private long offset;
    private long bodyOffset;
    /** Envelope header values of a message entity (the encapsulated message of a message/rfc822 part). */
    private final Map<String, byte[]> envelopeFields = new HashMap<>();

    /**
     * A new part of {@code multipart}. Without a Content-Type of its own, a part of a multipart/digest is a
     * message/rfc822 (RFC 2046 §5.1.5); mime4j descends into it as a message, so no body event would say so.
     */
    static PartBuilder partOf(PartBuilder multipart) {
        PartBuilder part = new PartBuilder();
        if ("multipart".equals(multipart.type) && "digest".equals(multipart.subtype)) {
            part.type = "message";
            part.subtype = "rfc822";
        }
        return part;
    }

    void field(Field f) {
        String name = f.getNameLowerCase();
        if (!envelopeFields.containsKey(name) && Arrays.asList(Envelope.FIELDS).contains(name)) {
            envelopeFields.put(name, unfoldedValue(f.getRaw().toByteArray()));
        }
        switch (name) {
            case "content-type" -> contentType(f);
            case "content-id" -> id = Optional.of(f.getBody().trim());
            case "content-description" -> description = Optional.of(f.getBody().trim());
            case "content-disposition" -> disposition = Optional.of(f.getBody().trim());
            default -> {
                // other fields are in the header index
            }
        }
    }

    private void contentType(Field f) {
        try {
            RawField raw = f instanceof RawField r ? r : RawFieldParser.DEFAULT.parseField(f.getRaw());
            RawBody body = RawFieldParser.DEFAULT.parseRawBody(raw);
            String value = body.getValue() == null ? "" : body.getValue().toLowerCase(Locale.ROOT);
            int slash = value.indexOf('/');
            if (slash > 0 && slash < value.length() - 1) {
                // message/rfc822 parts get no body event of their own when mime4j descends into them
                type = value.substring(0, slash).trim();
                subtype = value.substring(slash + 1).trim();
            }
            for (NameValuePair p : body.getParams()) {
                if (p.getValue() != null) {
                    params.put(p.getName().toLowerCase(Locale.ROOT), p.getValue());
                }
            }
        } catch (MimeException e) {
            // a Content-Type that does not parse keeps the defaults
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

    /** For content mime4j could not describe: one body covering everything after the header. */
    void flatBody(long length) {
        octets = length;
    }

    /**
     * Places this entity at [start, end) with its body from {@code bodyStart}, then its children.
     * {@code endMark} is where the entity's end is recorded in the index (the next delimiter line).
     */
    void locate(LineIndex index, long start, long bodyStart, long end, long endMark) {
        offset = start;
        bodyOffset = bodyStart;
        if (isRfc822() && !children.isEmpty()) {
            // the encapsulated message is parsed as an entity of its own; its size comes from the offsets
            octets = end - bodyStart;
            lines = index.linesBetween(bodyStart, endMark);
            children.get(0).locate(index, bodyStart, index.bodyStart(bodyStart, end), end, endMark);
            return;
        }
        if (octets > end - bodyStart) {
            // mime4j and the line index may see different delimiters (e.g. a lone CR after "--boundary"): the body
            // mime4j counted must still end inside the entity the index placed, so BODY[n] stays within the message
            octets = Math.max(0, end - bodyStart);
            lines = index.linesBetween(bodyStart, endMark);
        }
        String boundary = params.get("boundary");
        if (!"multipart".equals(type) || boundary == null || children.isEmpty()) {
            return;
        }
        List<LineIndex.DashLine> delimiters = index.delimiters(boundary, bodyStart, end);
        for (int i = 0; i < children.size() && i + 1 < delimiters.size(); i++) {
            long childStart = delimiters.get(i).next();
            // the line break before a delimiter belongs to the delimiter (RFC 2046 section 5.1.1)
            LineIndex.DashLine next = delimiters.get(i + 1);
            long childEnd = Math.max(childStart, next.start() - next.precedingBreak());
            children.get(i).locate(index, childStart, index.bodyStart(childStart, childEnd), childEnd, next.start());
        }
    }

    private boolean isRfc822() {
        return "message".equals(type) && "rfc822".equals(subtype);
    }

    BodyPart build() {
        List<BodyPart> parts = new ArrayList<>(children.size());
        children.forEach(c -> parts.add(c.build()));
        Optional<Envelope> envelope = isRfc822() && !children.isEmpty()
                ? Optional.of(children.get(0).envelope()) : Optional.empty();
        return new BodyPart(type, subtype, params, id, description, encoding, disposition, octets, lines, offset,
                bodyOffset, envelope, parts);
    }

    private Envelope envelope() {
        return new Envelope(env("date"), env("subject"), env("from"), env("sender"), env("reply-to"), env("to"),
                env("cc"), env("bcc"), env("in-reply-to"), env("message-id"));
    }

    private Optional<byte[]> env(String name) {
        return Optional.ofNullable(envelopeFields.get(name));
    }

    /** The bytes after the colon, with folding line breaks removed and outer white space trimmed. */
    private static byte[] unfoldedValue(byte[] raw) {
        int colon = 0;
        while (colon < raw.length && raw[colon] != ':') {
            colon++;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        for (int i = colon + 1; i < raw.length; i++) {
            if (raw[i] != '\r' && raw[i] != '\n') {
                out.write(raw[i]);
            }
        }
        return new String(out.toByteArray(), StandardCharsets.ISO_8859_1).strip()
                .getBytes(StandardCharsets.ISO_8859_1);
    }
}
