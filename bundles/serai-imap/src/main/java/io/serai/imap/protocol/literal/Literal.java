package io.serai.imap.protocol.literal;

import java.io.IOException;
import java.io.InputStream;

/**
 * The octets of one literal, held in memory ({@link MemoryLiteral}) or in a spool file ({@link SpooledLiteral}).
 * Read it as a stream; {@link #readAll()} is for the small literals of commands other than APPEND.
 */
public interface Literal {

    /** The octet count announced by {@code {n}} and received. */
    long size();

    /** A fresh stream over the octets; the caller closes it. */
    InputStream open() throws IOException;

    /** All octets in one array; only for literals that are bounded small. */
    byte[] readAll() throws IOException;

    /** Frees what holds the octets (deletes the spool file). Idempotent; the literal is unusable afterwards. */
    void release();
}
