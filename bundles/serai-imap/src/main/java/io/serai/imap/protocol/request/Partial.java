package io.serai.imap.protocol.request;

/**
 * {@code "<" number "." nz-number ">"}: at most {@code length} octets from {@code origin} (RFC 9051 §6.4.5).
 */
public record Partial(long origin, long length) {
}
