package io.serai.imap.protocol.response;

/** One server response, an immutable value; {@code encode.ResponseEncoder} turns it into octets. */
public interface ImapResponse {
}
