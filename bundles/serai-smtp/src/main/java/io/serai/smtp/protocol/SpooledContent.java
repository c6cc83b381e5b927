package io.serai.smtp.protocol;

import io.serai.smtp.api.MessageContent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Received message bytes: a prefix (the trace headers) followed by the body held in memory or in a spool file.
 * {@link #release()} deletes the spool file once the handler is done with it.
 */
public final class SpooledContent implements MessageContent {

    private final byte[] prefix;
    private final byte[] memory;
    private final Path file;
    private final long bodySize;

    SpooledContent(byte[] prefix, byte[] memory, Path file, long bodySize) {
        this.prefix = prefix;
        this.memory = memory;
        this.file = file;
        this.bodySize = bodySize;
    }

    @Override
    public long size() {
        return prefix.length + bodySize;
    }

    @Override
    public InputStream openStream() throws IOException {
        InputStream body = file != null ? Files.newInputStream(file) : new ByteArrayInputStream(memory);
        return new SequenceInputStream(new ByteArrayInputStream(prefix), body);
    }

    /** Whether the body spilled to a spool file. */
    public boolean spooled() {
        return file != null;
    }

    /** Deletes the spool file, if any. Idempotent. */
    public void release() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // the file lives in the spool directory; a leftover is harmless and is reported nowhere else
            }
        }
    }
}
