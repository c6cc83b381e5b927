package io.serai.store.embedded.internal.search;

import java.io.IOException;
import java.io.InputStream;

import io.serai.store.api.MessageMeta;
import io.serai.store.api.mime.MessageStructure;
import io.serai.store.embedded.internal.blob.BlobStore;
import io.serai.store.support.mime.StructureCodec;
import io.serai.store.support.search.SearchMessage;

/** A message as seen by a search: metadata from memory; bytes and structure read from its blob on demand. */
public final class Candidate extends SearchMessage {
    private final long ref;
    private final int metaLength;
    private final BlobStore blobs;

    public Candidate(MessageMeta meta, long ref, int metaLength, BlobStore blobs) {
        super(meta);
        this.ref = ref;
        this.metaLength = metaLength;
        this.blobs = blobs;
    }

    @Override
    protected MessageStructure loadStructure() throws IOException {
        return StructureCodec.decode(blobs.read(ref, meta().size(), metaLength));
    }

    @Override
    protected byte[] loadHeader(int length) throws IOException {
        return blobs.read(ref, 0, length);
    }

    @Override
    protected InputStream openContent() throws IOException {
        return blobs.open(ref, meta().size());
    }
}
