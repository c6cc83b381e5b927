package io.serai.store.api.cluster;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a {@link WorkQueue}: its id, its attributes (the caller's envelope, e.g. sender and recipients),
 * when it is due, and its content's size.
 */
public record QueueEntry(String id, Map<String, String> attributes, Instant due, Instant queuedAt, long size) {
    public QueueEntry {
        Objects.requireNonNull(id, "id");
        attributes = Map.copyOf(attributes);
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(queuedAt, "queuedAt");
    }
}
