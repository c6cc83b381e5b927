package io.serai.smtp.protocol;

import java.io.IOException;

/** Where the bytes of a message being received go. One sink per transaction; not thread-safe. */
public interface MessageSink {

    void write(byte[] bytes, int offset, int length) throws IOException;

    /** Bytes written so far. */
    long size();

    /** Ends the message and returns its content, with {@code prefix} before the written bytes. */
    SpooledContent finish(byte[] prefix) throws IOException;

    /** Drops what was written (the transaction failed). Idempotent. */
    void discard();
}
