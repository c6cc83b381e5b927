package io.serai.imap.protocol.literal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A literal written to a file of the spool directory; {@link #release()} deletes the file. */
public final class SpooledLiteral implements Literal {

    private final Path file;
    private final long size;

    SpooledLiteral(Path file, long size) {
        this.file = file;
        this.size = size;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public InputStream open() throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public byte[] readAll() throws IOException {
        return Files.readAllBytes(file);
    }

    /** The spool file, e.g. for tests that check it is gone. */
    public Path file() {
        return file;
    }

    @Override
    public void release() {
        LiteralSpool.delete(file);
    }
}
