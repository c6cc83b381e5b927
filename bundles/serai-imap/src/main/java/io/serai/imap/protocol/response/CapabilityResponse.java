package io.serai.imap.protocol.response;

import java.util.List;

/** {@code * CAPABILITY ...} (RFC 9051 §7.2.2). */
public record CapabilityResponse(List<String> capabilities) implements ImapResponse {

    public CapabilityResponse {
        capabilities = List.copyOf(capabilities);
    }
}
