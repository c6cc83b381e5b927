package io.serai.store.embedded.internal;

import java.io.IOException;
import java.io.InputStream;

import io.serai.store.api.ContentRegion;
import io.serai.store.api.MessageContent;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.mime.MessageStructure;
import io.serai.store.embedded.internal.blob.BlobStore;
import io.serai.store.support.mime.StructureCodec;

/** A stored message: bytes and structure read straight from its segment. */
final class MessageContentImpl implements MessageContent {
    private final MessageMeta meta;
    private final long ref;
    private final int metaLength;
    private final BlobStore blobs;

    MessageContentImpl(MessageMeta meta, long ref, int metaLength, BlobStore blobs) {
        this.meta = meta;
        this.ref = ref;
        this.metaLength = metaLength;
        this.blobs = blobs;
    }

    @Override
    public MessageMeta meta() {
        return meta;
    }

    @Override
    public InputStream openStream() throws IOException {
        return blobs.open(ref, meta.size());
    }

    @Override
    public ContentRegion openRegion() throws IOException {
        return blobs.region(ref, meta.size());
    }

    @Override
    public MessageStructure structure() throws IOException {
        return StructureCodec.decode(blobs.read(ref, meta.size(), metaLength));
    }
}
