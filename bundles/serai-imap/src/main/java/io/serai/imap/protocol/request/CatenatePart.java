package io.serai.imap.protocol.request;

import io.serai.imap.protocol.literal.Literal;

/** {@code cat-part = text-literal / url} of APPEND's CATENATE (RFC 4469 §5). */
public sealed interface CatenatePart {

    /** {@code "TEXT" SP literal}: octets written as they come. */
    record Text(Literal text) implements CatenatePart {
    }

    /** {@code "URL" SP astring}: an IMAP URL (RFC 5092) to a message or part, resolved by the processor. */
    record Url(String url) implements CatenatePart {
    }
}
