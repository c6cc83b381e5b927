package io.serai.imap.protocol.request;

import java.util.List;

/** {@code ENABLE capability...} (RFC 5161, RFC 9051 §6.3.1); capabilities in upper case. */
public record EnableRequest(String tag, List<String> capabilities) implements ImapRequest {

    @Override
    public String command() {
        return "ENABLE";
    }


    public EnableRequest {
        capabilities = List.copyOf(capabilities);
    }
}
