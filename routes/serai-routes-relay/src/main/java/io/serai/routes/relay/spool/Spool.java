package io.serai.routes.relay.spool;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The relay's durable queue and dead letters. Two kinds: a directory on this node ({@link RelaySpool}) and the
 * work queues of a store that several nodes share ({@link WorkQueueSpool}), where an entry handed out by
 * {@link #due} is claimed by this node until it is updated, removed or {@linkplain #release released}.
 */
public interface Spool {

    /** Queues a message for delivery now; the content's leading Return-Path is dropped. Returns the entry. */
    SpoolEntry enqueue(String sender, List<String> recipients, InputStream content, Instant now) throws IOException;

    /** Queued entries whose next attempt is due at {@code now}, oldest first; each is this node's until released. */
    List<SpoolEntry> due(Instant now) throws IOException;

    /**
     * Whether this node may still work on an entry {@link #due} gave it: false once its claim expired (another node
     * may be sending it now). Always true for a spool only this node uses.
     */
    default boolean owns(SpoolEntry entry) {
        return true;
    }

    /** Gives an entry from {@link #due} back untouched (if it was neither updated nor removed). */
    default void release(SpoolEntry entry) {
    }

    /** All queued entries, oldest first. */
    List<SpoolEntry> queued() throws IOException;

    InputStream openQueued(SpoolEntry entry) throws IOException;

    /** Records a failed attempt (fewer recipients, next attempt, error). */
    void update(SpoolEntry entry) throws IOException;

    /** Removes a delivered entry. */
    void remove(SpoolEntry entry) throws IOException;

    /**
     * Keeps a copy of a queued message as a dead letter for {@code failed} recipients with the final error. The
     * queued entry itself stays: remove or update it afterwards, so a crash in between duplicates, never loses.
     */
    SpoolEntry deadLetter(SpoolEntry entry, List<String> failed, String error, Instant now) throws IOException;

    /** Dead letters, oldest first. */
    List<SpoolEntry> deadLetters() throws IOException;

    Optional<SpoolEntry> deadLetter(String id) throws IOException;

    InputStream openDeadLetter(SpoolEntry letter) throws IOException;

    /** Moves a dead letter back into the queue, due now with a fresh lifetime; returns the queued entry. */
    SpoolEntry replay(SpoolEntry letter, Instant now) throws IOException;

    /** Deletes a dead letter for good. */
    void purge(SpoolEntry letter) throws IOException;
}
