package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.Section;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code section = "[" [section-spec] "]"} (RFC 9051 §9): {@code section-msgtext / (section-part ["."
 * section-text])}; MIME only after a part number.
 */
final class SectionDecoder {

    private SectionDecoder() {
    }

    static Section decode(ArgumentReader in) throws DecodeException {
        in.expect('[');
        if (in.tryConsume(']')) {
            return Section.WHOLE;
        }
        List<Integer> part = List.of();
        if (in.peek() >= '0' && in.peek() <= '9') {
            int start = in.position();
            part = partNumbers(in, true);
            boolean dotted = in.position() - start > digits(part); // "1." : the dot promises a section text
            if (!dotted) {
                in.expect(']');
                return new Section(part, Section.Text.NONE, List.of());
            }
        }
        Section section = text(in, part);
        in.expect(']');
        return section;
    }

    /**
     * {@code section-part = nz-number *("." nz-number)}; with {@code textFollows} a dot before a non-digit is left
     * for the section text.
     */
    static List<Integer> partNumbers(ArgumentReader in, boolean textFollows) throws DecodeException {
        List<Integer> part = new ArrayList<>();
        part.add(partNumber(in));
        while (in.peek() == '.') {
            in.expect('.');
            if (textFollows && !(in.peek() >= '0' && in.peek() <= '9')) {
                return part;
            }
            part.add(partNumber(in));
        }
        return part;
    }

    /** How many characters the part numbers and their separating dots take. */
    private static int digits(List<Integer> part) {
        int n = part.size() - 1;
        for (int p : part) {
            n += Integer.toString(p).length();
        }
        return n;
    }

    private static int partNumber(ArgumentReader in) throws DecodeException {
        long n = in.nzNumber();
        if (n > Integer.MAX_VALUE) {
            throw in.error("Part number too large");
        }
        return (int) n;
    }

    private static Section text(ArgumentReader in, List<Integer> part) throws DecodeException {
        String name = in.dottedName().toUpperCase(Locale.ROOT);
        switch (name) {
            case "HEADER":
                return new Section(part, Section.Text.HEADER, List.of());
            case "TEXT":
                return new Section(part, Section.Text.TEXT, List.of());
            case "MIME":
                if (part.isEmpty()) {
                    throw in.error("MIME needs a part number");
                }
                return new Section(part, Section.Text.MIME, List.of());
            case "HEADER.FIELDS":
                in.sp();
                return new Section(part, Section.Text.HEADER_FIELDS, headerList(in));
            case "HEADER.FIELDS.NOT":
                in.sp();
                return new Section(part, Section.Text.HEADER_FIELDS_NOT, headerList(in));
            default:
                throw in.error("Bad section " + name);
        }
    }

    /** {@code header-list = "(" header-fld-name *(SP header-fld-name) ")"}, names being astrings. */
    private static List<String> headerList(ArgumentReader in) throws DecodeException {
        in.expect('(');
        List<String> names = new ArrayList<>();
        do {
            names.add(in.astring());
        } while (in.tryConsume(' '));
        in.expect(')');
        return names;
    }
}
