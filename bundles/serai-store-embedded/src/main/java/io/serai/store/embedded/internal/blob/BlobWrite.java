package io.serai.store.embedded.internal.blob;

/**
 * Where a message's bytes (and, right after them, its encoded structure) were written, with the CRC32C
 * of both, which recovery uses to tell whether the last round's content reached the disk.
 */
public record BlobWrite(BlobSegment segment, long ref, int size, int metaLength, int crc) {

    /** The same bytes described with another split between content and structure (a compaction copy). */
    BlobWrite withSizes(int contentSize, int structureLength) {
        return new BlobWrite(segment, ref, contentSize, structureLength, crc);
    }
}
