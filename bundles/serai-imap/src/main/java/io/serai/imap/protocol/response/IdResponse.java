package io.serai.imap.protocol.response;

import java.util.Map;

/** {@code * ID (...)} or {@code * ID NIL} when {@code fields} is empty (RFC 2971 §3.2). Values may be null. */
public record IdResponse(Map<String, String> fields) implements ImapResponse {
}
