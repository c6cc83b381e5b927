package io.serai.imap.protocol.request;

/**
 * {@code AUTHENTICATE mechanism [initial-response]} (RFC 9051 §6.2.2, SASL-IR RFC 4959).
 *
 * @param initialResponse base64 text as sent ({@code "="} for an empty response), or {@code null} if none
 */
public record AuthenticateRequest(String tag, String mechanism, String initialResponse) implements ImapRequest {

    @Override
    public String command() {
        return "AUTHENTICATE";
    }
}
