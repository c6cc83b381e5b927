package io.serai.store.embedded.internal.journal;

import java.io.DataOutputStream;
import java.util.List;

import io.serai.store.api.event.StoreEvent;
import io.serai.store.embedded.internal.state.StoreState;

/**
 * Ends a commit round. A round followed by another one was fully durable (rounds are sequential), so on
 * recovery only the last round needs its content checked; content the journal holds a copy of
 * ({@link ContentImage}) is written back by replay instead.
 */
public record RoundEnd() implements JournalRecord {
    public int type() {
        return 30;
    }

    public void write(DataOutputStream out) {
        // no payload
    }

    public void apply(StoreState state, List<StoreEvent> events) {
        // a marker only
    }
}
