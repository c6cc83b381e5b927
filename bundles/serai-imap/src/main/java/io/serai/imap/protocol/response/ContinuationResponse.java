package io.serai.imap.protocol.response;

/** {@code "+" SP (resp-text / base64)} (RFC 9051 §7.5): literal continuation or a SASL challenge. */
public record ContinuationResponse(String text) implements ImapResponse {

    public static final ContinuationResponse READY = new ContinuationResponse("Ready for literal data");
}
