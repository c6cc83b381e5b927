package io.serai.store.transfer;

/**
 * Line ends of exported files. The store keeps messages with CRLF (RFC 5322); Maildir and mbox files
 * conventionally use the local LF, which is what Dovecot and mutt write.
 */
public enum LineEnding {
    /** CRLF becomes LF; a lone CR is left alone. */
    LF,
    /** The stored bytes are written unchanged. */
    CRLF
}
