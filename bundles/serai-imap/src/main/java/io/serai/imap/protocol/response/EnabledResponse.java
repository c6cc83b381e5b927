package io.serai.imap.protocol.response;

import java.util.List;

/** {@code * ENABLED ...} (RFC 5161 §3.2), possibly empty. */
public record EnabledResponse(List<String> capabilities) implements ImapResponse {

    public EnabledResponse {
        capabilities = List.copyOf(capabilities);
    }
}
