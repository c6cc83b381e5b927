package io.serai.imap.protocol.literal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one large literal to its spool file as its octets arrive. Blocking file I/O: the transport calls it on the
 * connection's session executor, never on the I/O loop. Either {@link #finish()} or {@link #discard()} ends it.
 */
public final class SpoolWriter {

    private final Path file;
    private final OutputStream out;
    private long written;

    SpoolWriter(Path file) throws IOException {
        this.file = file;
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
    }

    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        written += length;
    }

    /** All octets are in: the literal, whose file the caller must {@link SpooledLiteral#release()}. */
    public SpooledLiteral finish() throws IOException {
        try {
            out.close();
        } catch (IOException e) {
            discard();
            throw e;
        }
        return new SpooledLiteral(file, written);
    }

    /** The command was rejected or the connection went away: closes and deletes the file. Idempotent. */
    public void discard() {
        try {
            out.close();
        } catch (IOException e) {
            // the file is deleted below either way
        }
        LiteralSpool.delete(file);
    }
}
