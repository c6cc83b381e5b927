/**
 * IMAP command processing: {@link io.serai.imap.protocol.process.ImapSession} is the per-connection state machine
 * (RFC 9051 §3), with one small processor per command against the {@code io.serai.store.api} store.
 */
package io.serai.imap.protocol.process;
