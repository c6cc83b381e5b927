package io.serai.imap.protocol.process;

import io.serai.imap.protocol.encode.ImapWriter;
import io.serai.imap.protocol.request.BodySectionItem;
import io.serai.imap.protocol.request.Partial;
import io.serai.imap.protocol.request.Section;
import io.serai.imap.protocol.response.FetchValue;
import io.serai.imap.protocol.response.LiteralData;
import io.serai.store.api.MessageContent;
import io.serai.store.api.mime.BodyPart;
import io.serai.store.api.mime.MessageStructure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * BODY[section]<partial> and the RFC822 forms (RFC 9051 §6.4.5): resolves the section to a region of the stored
 * message (or, for HEADER.FIELDS, to the filtered octets) and applies the partial range. A section naming a part the
 * message does not have is NIL.
 */
final class SectionReader {

    private SectionReader() {
    }

    static FetchValue.Section read(BodySectionItem item, MessageContent content) throws IOException {
        String name = item.alias() != null ? item.alias() : "BODY[" + spec(item.section()) + "]";
        long origin = item.partial() == null ? -1 : item.partial().origin();
        Section section = item.section();
        if (section.part().isEmpty() && section.text() == Section.Text.NONE) {
            // BODY[] needs no structure: the whole message as stored
            return new FetchValue.Section(name, origin, partial(new LiteralData.Region(content, 0, content.size()),
                    item.partial()));
        }
        MessageStructure structure = content.structure();
        BodyPart part = PartLocator.locate(structure.body(), section.part());
        if (part == null) {
            return new FetchValue.Section(name, origin, null);
        }
        LiteralData data = switch (section.text()) {
            case NONE -> new LiteralData.Region(content, part.bodyOffset(), PartLocator.end(part) - part.bodyOffset());
            case MIME -> new LiteralData.Region(content, part.offset(), part.bodyOffset() - part.offset());
            default -> messageText(section, part, content, structure);
        };
        return new FetchValue.Section(name, origin, data == null ? null : partial(data, item.partial()));
    }

    /** HEADER, HEADER.FIELDS[.NOT] and TEXT of the message itself or of a message/rfc822 part. */
    private static LiteralData messageText(Section section, BodyPart part, MessageContent content,
                                           MessageStructure structure) throws IOException {
        long headerStart;
        long bodyStart;
        long end;
        if (section.part().isEmpty()) {
            headerStart = 0;
            bodyStart = structure.headerLength();
            end = content.size();
        } else if (PartLocator.isMessage(part) && !part.parts().isEmpty()) {
            BodyPart inner = part.parts().get(0);
            headerStart = part.bodyOffset();
            bodyStart = inner.bodyOffset();
            end = PartLocator.end(part);
        } else {
            return null;
        }
        return switch (section.text()) {
            case HEADER -> new LiteralData.Region(content, headerStart, bodyStart - headerStart);
            case TEXT -> new LiteralData.Region(content, bodyStart, end - bodyStart);
            default -> new LiteralData.Bytes(HeaderFieldFilter.filter(
                    ContentBytes.read(content, headerStart, bodyStart - headerStart), section.fields(),
                    section.text() == Section.Text.HEADER_FIELDS_NOT), false);
        };
    }

    /** {@code <origin.length>}: at most {@code length} octets from {@code origin}; empty past the end. */
    static LiteralData partial(LiteralData data, Partial partial) {
        if (partial == null) {
            return data;
        }
        long from = Math.min(partial.origin(), data.length());
        long length = Math.min(partial.length(), data.length() - from);
        if (data instanceof LiteralData.Region r) {
            return new LiteralData.Region(r.content(), r.offset() + from, length);
        }
        LiteralData.Bytes b = (LiteralData.Bytes) data;
        return new LiteralData.Bytes(Arrays.copyOfRange(b.bytes(), (int) from, (int) (from + length)), b.binary());
    }

    /** The section as echoed in the response: the field list included (RFC 9051 §7.5.2 BODY[section]). */
    static String spec(Section section) {
        String part = section.part().stream().map(String::valueOf).collect(Collectors.joining("."));
        if (section.text() == Section.Text.NONE) {
            return part;
        }
        StringBuilder s = new StringBuilder(part);
        if (!part.isEmpty()) {
            s.append('.');
        }
        s.append(section.text().atom());
        if (!section.fields().isEmpty()) {
            ImapWriter w = new ImapWriter(false);
            w.raw(" (");
            for (int i = 0; i < section.fields().size(); i++) {
                if (i > 0) {
                    w.sp();
                }
                w.astring(section.fields().get(i));
            }
            w.raw(")");
            s.append(new String(w.toByteArray(), StandardCharsets.UTF_8));
        }
        return s.toString();
    }
}
