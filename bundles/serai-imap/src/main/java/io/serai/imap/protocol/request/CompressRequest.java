package io.serai.imap.protocol.request;

/** {@code COMPRESS mechanism} (RFC 4978 §3), the mechanism in upper case. */
public record CompressRequest(String tag, String command, String mechanism) implements ImapRequest {
}
