package io.serai.store.embedded.internal.commit;

import java.util.List;

import io.serai.store.embedded.internal.journal.JournalRecord;

/** The records a command produces and the result its caller gets once they are durable. */
public record Decision<T>(List<JournalRecord> records, T result) {
    public Decision {
        records = List.copyOf(records);
    }

    public static <T> Decision<T> of(T result, JournalRecord... records) {
        return new Decision<>(List.of(records), result);
    }
}
