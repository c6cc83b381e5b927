package io.serai.store.api.search;

/**
 * HEADER field-name string; also FROM, TO, CC, BCC and SUBJECT, which are header searches on
 * RFC 2047-decoded values. An empty value matches every message that has the field.
 */
public record HeaderKey(String field, String value) implements SearchKey {
    public static HeaderKey from(String value) {
        return new HeaderKey("From", value);
    }

    public static HeaderKey to(String value) {
        return new HeaderKey("To", value);
    }

    public static HeaderKey subject(String value) {
        return new HeaderKey("Subject", value);
    }
}
