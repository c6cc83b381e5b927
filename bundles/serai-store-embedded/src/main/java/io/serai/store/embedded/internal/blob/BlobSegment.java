package io.serai.store.embedded.internal.blob;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One append-only file of message bytes. A segment is written by one writer at a time (it is taken from
 * the pool), read by anyone through positional reads, and forced by the committer.
 */
public final class BlobSegment {
    final int id;
    final Path path;
    final FileChannel channel;
    /** End of the bytes written so far; only the writer holding the segment changes it. */
    long end;
    /** Still taking appends (in the writer pool); sealed segments are candidates for compaction. */
    volatile boolean writable;
    /** Unlinked by compaction; the channel stays open for readers that already had a reference. */
    volatile boolean deleted;
    /** Content written here whose commit has not finished yet: such a segment must not be deleted. */
    final AtomicInteger pending = new AtomicInteger();

    BlobSegment(int id, Path path, FileChannel channel, long end) {
        this.id = id;
        this.path = path;
        this.channel = channel;
        this.end = end;
    }

    public int id() {
        return id;
    }
}
