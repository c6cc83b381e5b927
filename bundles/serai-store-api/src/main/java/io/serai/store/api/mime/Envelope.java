package io.serai.store.api.mime;

import java.util.Optional;

/**
 * The ENVELOPE header values (RFC 3501 section 7.4.2), raw and unfolded, still as bytes: the protocol
 * layer formats them; the store never re-encodes content. A missing header is an empty Optional.
 */
public record Envelope(Optional<byte[]> date, Optional<byte[]> subject, Optional<byte[]> from,
                       Optional<byte[]> sender, Optional<byte[]> replyTo, Optional<byte[]> to,
                       Optional<byte[]> cc, Optional<byte[]> bcc, Optional<byte[]> inReplyTo,
                       Optional<byte[]> messageId) {

    /** The header names in ENVELOPE order. */
    public static final String[] FIELDS = {"date", "subject", "from", "sender", "reply-to", "to", "cc", "bcc",
        "in-reply-to", "message-id"};
}
