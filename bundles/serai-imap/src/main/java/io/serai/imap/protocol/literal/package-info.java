/**
 * Literal octets of a command (RFC 9051 §4.3): small ones in memory, large ones in a spool file, so an APPEND of a
 * large message never sits whole on the heap. Plain Java, no transport.
 */
package io.serai.imap.protocol.literal;
