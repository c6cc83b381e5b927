package io.serai.store.support.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.serai.store.api.MessageMeta;
import io.serai.store.api.mime.MessageStructure;

/**
 * One message as a search sees it: its metadata, which keys on flags, sizes, dates and UIDs answer without I/O,
 * and what header and body keys need, loaded at most once per search from wherever the store keeps it: the
 * structure stored at append, the raw header bytes (only the header, by the structure's header length) and the
 * content as a stream.
 */
public abstract class SearchMessage {
    private final MessageMeta meta;
    private MessageStructure structure;
    private byte[] header;

    protected SearchMessage(MessageMeta meta) {
        this.meta = meta;
    }

    public final MessageMeta meta() {
        return meta;
    }

    /** The structure parsed at append. */
    protected abstract MessageStructure loadStructure() throws IOException;

    /** The first {@code length} octets of the message: its header. */
    protected abstract byte[] loadHeader(int length) throws IOException;

    /** The whole message. */
    protected abstract InputStream openContent() throws IOException;

    final MessageStructure structure() {
        if (structure == null) {
            try {
                structure = loadStructure();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return structure;
    }

    final byte[] header() {
        if (header == null) {
            try {
                header = loadHeader((int) structure().headerLength());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return header;
    }

    final InputStream content() {
        try {
            return openContent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
