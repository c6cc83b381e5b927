package io.serai.store.embedded.internal.commit;

import java.util.List;

import io.serai.store.api.StoreException;
import io.serai.store.embedded.internal.blob.BlobSegment;
import io.serai.store.embedded.internal.state.StoreState;

/**
 * A requested change. The committer thread decides it against the current state (validation, UID and
 * MODSEQ allocation) without changing anything; the resulting records are then applied and logged.
 */
public interface Command<T> {

    Decision<T> decide(StoreState state) throws StoreException;

    /** Segments holding content the records refer to; forced in the same round as the records. */
    default List<BlobSegment> segments() {
        return List.of();
    }

    /**
     * Segments holding content the records carry a copy of ({@code ContentImage}): the round need not force
     * them; the committer forces them before the journal file with the copies can be deleted.
     */
    default List<BlobSegment> journaledSegments() {
        return List.of();
    }
}
