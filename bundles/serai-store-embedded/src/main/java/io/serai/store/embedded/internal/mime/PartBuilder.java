package io.serai.store.embedded.internal.mime;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;

import io.serai.store.api.mime.BodyPart;

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

    void field(Field f) {
        switch (f.getNameLowerCase()) {
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
            for (NameValuePair p : RawFieldParser.DEFAULT.parseRawBody(raw).getParams()) {
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

    /** Places this entity at [start, end) with its body from {@code bodyStart}, then its children. */
    void locate(LineIndex index, long start, long bodyStart, long end) {
        offset = start;
        bodyOffset = bodyStart;
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
            children.get(i).locate(index, childStart, index.bodyStart(childStart, childEnd), childEnd);
        }
    }

    BodyPart build() {
        List<BodyPart> parts = new ArrayList<>(children.size());
        children.forEach(c -> parts.add(c.build()));
        return new BodyPart(type, subtype, params, id, description, encoding, disposition, octets, lines, offset,
                bodyOffset, parts);
    }
}
