/** IMAP server responses as immutable values (RFC 9051 §7), one small type per response. */
package io.serai.imap.protocol.response;
