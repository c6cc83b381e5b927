package io.serai.imap.protocol.request;

import java.util.Map;

/** {@code ID (field value ...)} or {@code ID NIL} (RFC 2971); {@code fields} is empty for NIL. */
public record IdRequest(String tag, Map<String, String> fields) implements ImapRequest {

    @Override
    public String command() {
        return "ID";
    }
}
