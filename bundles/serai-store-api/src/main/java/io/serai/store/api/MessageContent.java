package io.serai.store.api;

import java.io.IOException;
import java.io.InputStream;

import io.serai.store.api.mime.MessageStructure;

/** Read access to one stored message: its exact bytes and the metadata parsed at append. */
public interface MessageContent {

    MessageMeta meta();

    /** Exact size in octets (RFC822.SIZE). */
    default long size() {
        return meta().size();
    }

    /** The bytes exactly as appended. */
    InputStream openStream() throws IOException;

    /**
     * The bytes as a file region, for transfer without copying through the heap. A store that does not keep
     * messages in files (e.g. a database) may spool the message to a temporary file first.
     */
    ContentRegion openRegion() throws IOException;

    /**
     * Whether {@link #openRegion} is a view of a file the store already has (true), or a copy it makes first (false):
     * then a writer that can take a stream should read {@link #openStream} instead, which costs one copy less.
     */
    default boolean storedInFile() {
        return true;
    }

    /** Envelope, header index and body structure, parsed once at append. */
    MessageStructure structure() throws IOException;
}
