package io.serai.imap.protocol.response;

import java.util.List;

/** {@code * FLAGS (flag-list)} (RFC 9051 §7.3.5); flags in wire form, e.g. {@code \Seen} or a keyword. */
public record FlagsResponse(List<String> flags) implements ImapResponse {

    public FlagsResponse {
        flags = List.copyOf(flags);
    }
}
