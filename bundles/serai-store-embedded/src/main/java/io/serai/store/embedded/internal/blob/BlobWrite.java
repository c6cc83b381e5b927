package io.serai.store.embedded.internal.blob;

/**
 * Where a message's bytes (and, right after them, its encoded structure) were written, with the CRC32C
 * of both, which recovery uses to tell whether the content reached the disk.
 *
 * @param image the same bytes (content plus structure) when they are small enough to be copied into the
 *              journal, so the commit need not wait for the segment's own fsync; null otherwise
 */
public record BlobWrite(BlobSegment segment, long ref, int size, int metaLength, int crc, byte[] image) {

    /** The same bytes described with another split between content and structure (a compaction copy). */
    BlobWrite withSizes(int contentSize, int structureLength) {
        return new BlobWrite(segment, ref, contentSize, structureLength, crc, image);
    }

    /** The same write without its journal copy: its segment is then forced with the commit. */
    public BlobWrite withoutImage() {
        return new BlobWrite(segment, ref, size, metaLength, crc, null);
    }
}
