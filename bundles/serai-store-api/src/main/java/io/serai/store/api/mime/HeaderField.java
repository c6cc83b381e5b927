package io.serai.store.api.mime;

/**
 * One field of the top-level header: its name and where its raw bytes (name, colon, folded value,
 * trailing CRLF) are in the message, so HEADER.FIELDS can be served without parsing.
 */
public record HeaderField(String name, long offset, int length) {
}
