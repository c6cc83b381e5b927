/** Decoded IMAP commands: one immutable value type per command shape (RFC 9051 §6). */
package io.serai.imap.protocol.request;
