package io.serai.imap.protocol.response;

import io.serai.store.api.MessageContent;

/**
 * The octets of a body literal. Message bytes stay bytes: a {@link Region} points into the stored message and is read
 * only when the response is written, so a large body is never held whole by the protocol layer.
 */
public sealed interface LiteralData {

    long length();

    /** Whether it must go as {@code literal8} ({@code ~{n}}, RFC 3516 §4.2): binary data containing NUL. */
    boolean binary();

    /** Octets already in memory (filtered header fields, decoded BINARY parts). */
    record Bytes(byte[] bytes, boolean binary) implements LiteralData {
        @Override
        public long length() {
            return bytes.length;
        }
    }

    /** {@code length} octets of a stored message from {@code offset}. */
    record Region(MessageContent content, long offset, long length) implements LiteralData {
        @Override
        public boolean binary() {
            return false;
        }
    }
}
