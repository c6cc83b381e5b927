package io.serai.imap.protocol.literal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** A literal small enough to stay in the command's bytes (at most {@link LiteralSpool#threshold()} octets). */
public record MemoryLiteral(byte[] bytes) implements Literal {

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public InputStream open() {
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public byte[] readAll() {
        return bytes;
    }

    @Override
    public void release() {
        // the garbage collector frees it
    }
}
