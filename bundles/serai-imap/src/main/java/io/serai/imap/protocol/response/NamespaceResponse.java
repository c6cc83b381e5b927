package io.serai.imap.protocol.response;

/**
 * {@code * NAMESPACE} with one personal namespace and no other-users or shared namespaces (RFC 2342 §5,
 * RFC 9051 §7.3.5).
 */
public record NamespaceResponse(String personalPrefix, char delimiter) implements ImapResponse {
}
