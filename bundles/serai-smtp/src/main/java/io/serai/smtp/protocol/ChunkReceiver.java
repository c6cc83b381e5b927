package io.serai.smtp.protocol;

import io.serai.smtp.api.SmtpReply;
import java.io.IOException;

/**
 * Receives the octets of one BDAT chunk (RFC 3030 §2). The chunk is always read in full, even when the command
 * is refused, because the client sends it without waiting for a reply; {@code failure} is then the reply.
 */
final class ChunkReceiver {

    private final MessageSink sink;
    private final long maxSize;
    private final long chunkSize;
    private final boolean last;
    private long remaining;
    private SmtpReply failure;

    /** @param sink null when the chunk is to be discarded with {@code failure} */
    ChunkReceiver(MessageSink sink, long maxSize, long chunkSize, boolean last, SmtpReply failure) {
        this.sink = sink;
        this.maxSize = maxSize;
        this.chunkSize = chunkSize;
        this.last = last;
        this.remaining = chunkSize;
        this.failure = failure;
        if (failure == null && sink.size() + chunkSize > maxSize) {
            // SIZE (RFC 1870 §6.3): refuse as soon as the declared chunk sizes exceed the limit
            this.failure = Replies.MESSAGE_TOO_BIG;
        }
    }

    /** @return how many of the offered bytes belong to this chunk (the rest is the next command) */
    int accept(byte[] bytes, int offset, int length) throws IOException {
        int taken = (int) Math.min(length, remaining);
        if (failure == null) {
            sink.write(bytes, offset, taken);
        }
        remaining -= taken;
        return taken;
    }

    boolean complete() {
        return remaining == 0;
    }

    long remaining() {
        return remaining;
    }

    long chunkSize() {
        return chunkSize;
    }

    boolean last() {
        return last;
    }

    SmtpReply failure() {
        return failure;
    }

    long maxSize() {
        return maxSize;
    }
}
