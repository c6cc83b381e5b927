/**
 * IMAP response encoding (RFC 9051 §7). Differences between IMAP4rev1 and IMAP4rev2 that the encoder or its callers
 * must respect: rev2 has no {@code RECENT} response or {@code \Recent} flag and no {@code [UNSEEN n]} code on SELECT
 * (RFC 9051 Appendix E); rev2 mailbox names and quoted strings are UTF-8, rev1 uses modified UTF-7 and 7-bit quoted
 * strings; rev2 replaces {@code LSUB} by {@code LIST (SUBSCRIBED)} and {@code SEARCH} by {@code ESEARCH}.
 */
package io.serai.imap.protocol.encode;
