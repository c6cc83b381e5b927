package io.serai.store.embedded.internal.journal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import io.serai.store.api.event.StoreEvent;
import io.serai.store.embedded.internal.state.StoreState;

/**
 * A copy of the bytes (content plus structure) stored at {@code blobRef}, logged in the same round as the
 * append that refers to them. For a small message this makes the journal alone the point of durability: the
 * round waits for one fsync (the journal's, a preallocated file) instead of also waiting for the segment's,
 * which has to commit the file's growing size as well. The segment is forced before the journal file holding
 * this copy can be deleted (at rotation), and recovery writes the copy back if the segment lost the bytes.
 */
public record ContentImage(long blobRef, byte[] bytes) implements JournalRecord {

    public int type() {
        return 25;
    }

    public void write(DataOutputStream out) throws IOException {
        out.writeLong(blobRef);
        DataIo.writeBytes(out, bytes);
    }

    static ContentImage read(DataInputStream in) throws IOException {
        return new ContentImage(in.readLong(), DataIo.readBytes(in));
    }

    /** Changes no state: readers find the bytes in the segment, which already holds them (in the page cache). */
    @Override
    public List<ReentrantReadWriteLock> locks(StoreState state) {
        return List.of();
    }

    public void apply(StoreState state, List<StoreEvent> events) {
        // the bytes go back to their segment in recovery (StoreImpl), not into the state
    }
}
