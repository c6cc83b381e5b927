package io.serai.imap.protocol.request;

import java.util.List;

/**
 * A {@code section} (RFC 9051 §6.4.5, §9 {@code section-spec}): a part path and what of that part.
 *
 * @param part   part numbers, empty for the whole message
 * @param text   which piece of the part
 * @param fields the field names of HEADER.FIELDS / HEADER.FIELDS.NOT as the client wrote them, else empty
 */
public record Section(List<Integer> part, Text text, List<String> fields) {

    public static final Section WHOLE = new Section(List.of(), Text.NONE, List.of());

    public Section {
        part = List.copyOf(part);
        fields = List.copyOf(fields);
    }

    public enum Text {
        NONE(""), HEADER("HEADER"), HEADER_FIELDS("HEADER.FIELDS"), HEADER_FIELDS_NOT("HEADER.FIELDS.NOT"),
        TEXT("TEXT"), MIME("MIME");

        private final String atom;

        Text(String atom) {
            this.atom = atom;
        }

        public String atom() {
            return atom;
        }
    }
}
