package io.serai.smtp.protocol;

import java.io.IOException;

/** Where the bytes of a message being received go. One sink per transaction; not thread-safe. */
public interface MessageSink {

    void write(byte[] bytes, int offset, int length) throws IOException;

    /**
     * Whether writing {@code length} more bytes may block on disk I/O, so the transport must write them off its
     * network thread. True unless the sink knows better.
     */
    default boolean writeMayBlock(int length) {
        return true;
    }

    /** Bytes written so far. */
    long size();

    /** Ends the message and returns its content, with {@code prefix} before the written bytes. */
    SpooledContent finish(byte[] prefix) throws IOException;

    /** Drops what was written (the transaction failed). Idempotent. */
    void discard();
}
