package io.serai.store.embedded.internal.blob;

/** Where a message's bytes (and, right after them, its encoded structure) were written. */
public record BlobWrite(BlobSegment segment, long ref, int size, int metaLength) {
}
