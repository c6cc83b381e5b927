package io.serai.store.embedded.internal.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.serai.store.api.mime.MessageStructure;
import io.serai.store.embedded.internal.blob.BlobStore;
import io.serai.store.embedded.internal.mime.StructureCodec;

/**
 * Loads, at most once per search, what a key needs beyond memory: the structure (stored at append) and the
 * raw header bytes (only the header, located by the stored header length). Bodies are streamed on demand.
 */
final class LoadedMessage {
    private final Candidate candidate;
    private final BlobStore blobs;
    private MessageStructure structure;
    private byte[] header;

    LoadedMessage(Candidate candidate, BlobStore blobs) {
        this.candidate = candidate;
        this.blobs = blobs;
    }

    Candidate candidate() {
        return candidate;
    }

    MessageStructure structure() {
        if (structure == null) {
            try {
                structure = StructureCodec.decode(blobs.read(candidate.ref(), candidate.meta().size(),
                        candidate.metaLength()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return structure;
    }

    byte[] header() {
        if (header == null) {
            try {
                header = blobs.read(candidate.ref(), 0, (int) structure().headerLength());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return header;
    }

    InputStream content() {
        try {
            return blobs.open(candidate.ref(), candidate.meta().size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
