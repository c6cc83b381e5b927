package io.serai.store.embedded.internal.journal;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import io.serai.store.api.event.StoreEvent;
import io.serai.store.embedded.internal.state.StoreState;

/**
 * One logged change. A record carries outcomes (UIDs, MODSEQs, ids), not requests, so replaying it
 * gives exactly the state that was acknowledged. {@link #apply} is used live and on recovery.
 */
public interface JournalRecord {

    int type();

    void write(DataOutputStream out) throws IOException;

    /** Changes the state; never throws for a record the committer decided, tolerates replay. */
    void apply(StoreState state, List<StoreEvent> events);

    /** The locks a reader would need to see this change; the committer holds them until it is durable. */
    default List<ReentrantReadWriteLock> locks(StoreState state) {
        return List.of(state.catalogLock);
    }
}
