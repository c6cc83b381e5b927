package io.serai.store.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the bytes of a message to append come from. The store reads it once, as a stream, so a
 * message never has to fit in a byte[].
 */
@FunctionalInterface
public interface ContentSource {

    InputStream open() throws IOException;

    /** A stream the store reads to its end and then closes. */
    static ContentSource of(InputStream in) {
        return () -> in;
    }

    /** A channel (e.g. a spool file's or a socket-fed pipe's) the store reads to its end and then closes. */
    static ContentSource of(ReadableByteChannel channel) {
        return () -> Channels.newInputStream(channel);
    }

    /** A spool file, e.g. what SMTP DATA wrote. */
    static ContentSource of(Path file) {
        return () -> Files.newInputStream(file);
    }
}
