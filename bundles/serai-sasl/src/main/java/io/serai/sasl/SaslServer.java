package io.serai.sasl;

/**
 * One server-side authentication exchange: bytes in, bytes out, no I/O. Base64 and line framing belong to the
 * protocol (SMTP AUTH, RFC 4954; IMAP AUTHENTICATE; POP3 AUTH). One instance serves one exchange and is not
 * thread-safe.
 */
public interface SaslServer {

    /** The IANA mechanism name, e.g. {@code PLAIN}. */
    String mechanismName();

    /**
     * Starts the exchange.
     *
     * @param initialResponse the client's initial response (RFC 4422 §3.3), or {@code null} if the client sent none;
     *                        an empty array is an empty initial response
     */
    SaslStep start(byte[] initialResponse);

    /** Evaluates the client's response to the last challenge. */
    SaslStep evaluate(byte[] response);
}
