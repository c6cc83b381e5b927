package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.BinaryItem;
import io.serai.imap.protocol.request.BodySectionItem;
import io.serai.imap.protocol.request.FetchItem;
import io.serai.imap.protocol.request.Partial;
import io.serai.imap.protocol.request.Section;

import java.util.List;
import java.util.Locale;

/**
 * One {@code fetch-att} (RFC 9051 §9; RFC 3501 §9 for the RFC822 forms, RFC 3516 for BINARY). Section specs are read
 * by {@link SectionDecoder}.
 */
final class FetchItemDecoder {

    private FetchItemDecoder() {
    }

    static FetchItem decode(ArgumentReader in) throws DecodeException {
        return decode(in, in.dottedName().toUpperCase(Locale.ROOT));
    }

    /** The item whose name, in upper case, was just read. */
    static FetchItem decode(ArgumentReader in, String name) throws DecodeException {
        switch (name) {
            case "FLAGS":
                return FetchItem.Simple.FLAGS;
            case "INTERNALDATE":
                return FetchItem.Simple.INTERNALDATE;
            case "RFC822.SIZE":
                return FetchItem.Simple.RFC822_SIZE;
            case "ENVELOPE":
                return FetchItem.Simple.ENVELOPE;
            case "BODYSTRUCTURE":
                return FetchItem.Simple.BODYSTRUCTURE;
            case "UID":
                return FetchItem.Simple.UID;
            case "MODSEQ":
                return FetchItem.Simple.MODSEQ;
            case "SAVEDATE":
                return FetchItem.Simple.SAVEDATE;
            case "RFC822":
                return new BodySectionItem(Section.WHOLE, false, null, "RFC822");
            case "RFC822.HEADER":
                return new BodySectionItem(new Section(List.of(), Section.Text.HEADER, List.of()), true, null,
                        "RFC822.HEADER");
            case "RFC822.TEXT":
                return new BodySectionItem(new Section(List.of(), Section.Text.TEXT, List.of()), false, null,
                        "RFC822.TEXT");
            case "BODY":
                if (in.peek() != '[') {
                    return FetchItem.Simple.BODY;
                }
                return bodySection(in, false);
            case "BODY.PEEK":
                return bodySection(in, true);
            case "BINARY":
                return binary(in, false, false);
            case "BINARY.PEEK":
                return binary(in, true, false);
            case "BINARY.SIZE":
                return binary(in, true, true);
            default:
                throw in.error("Unknown fetch item " + name);
        }
    }

    private static BodySectionItem bodySection(ArgumentReader in, boolean peek) throws DecodeException {
        Section section = SectionDecoder.decode(in);
        return BodySectionItem.body(section, peek, partial(in));
    }

    /** {@code section-binary = "[" [section-part] "]"}; BINARY.SIZE takes no partial. */
    private static BinaryItem binary(ArgumentReader in, boolean peek, boolean size) throws DecodeException {
        in.expect('[');
        List<Integer> part = in.peek() == ']' ? List.of() : SectionDecoder.partNumbers(in, false);
        in.expect(']');
        return new BinaryItem(part, peek, size ? null : partial(in), size);
    }

    private static Partial partial(ArgumentReader in) throws DecodeException {
        if (!in.tryConsume('<')) {
            return null;
        }
        long origin = in.number();
        in.expect('.');
        long length = in.nzNumber();
        in.expect('>');
        return new Partial(origin, length);
    }
}
