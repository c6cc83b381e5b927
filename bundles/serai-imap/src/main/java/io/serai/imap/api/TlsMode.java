package io.serai.imap.api;

/** How a listener offers TLS. */
public enum TlsMode {
    /** Plaintext only (tests, or behind a TLS-terminating proxy). */
    NONE,
    /** Plaintext first, TLS through the STARTTLS command (RFC 9051 §6.2.1), the port 143 style. */
    STARTTLS,
    /** TLS from the first byte (RFC 8314 §3.3), the port 993 style. */
    IMPLICIT
}
