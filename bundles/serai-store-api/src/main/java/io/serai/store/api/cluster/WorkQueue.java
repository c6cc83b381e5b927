package io.serai.store.api.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.serai.store.api.ContentSource;
import io.serai.store.api.StoreException;

/**
 * A durable queue of messages shared by the nodes of a store. A node {@linkplain #claimDue claims} due entries; a
 * claim lasts the store's lease time and is renewed while held, so no two live nodes work on one entry, and the
 * entries of a node that died are claimed by another once its claims expire. Every change is durable on return.
 */
public interface WorkQueue {

    String name();

    /** Adds an entry due at {@code due}, its content read once from {@code content}. */
    QueueEntry enqueue(Map<String, String> attributes, ContentSource content, Instant due) throws StoreException;

    /** Claims up to {@code max} entries due at {@code now} that nobody holds, oldest first. */
    List<Claim> claimDue(Instant now, int max) throws StoreException;

    /** All entries, oldest first, claimed or not. */
    List<QueueEntry> entries() throws StoreException;

    Optional<QueueEntry> find(String id) throws StoreException;

    /** The content of an entry. */
    InputStream open(QueueEntry entry) throws IOException;

    /**
     * Moves an unclaimed entry (a dead letter, say) into {@code target} with new attributes, due at {@code due};
     * its content is kept, not copied. Returns the entry in the target queue.
     */
    QueueEntry transfer(QueueEntry entry, WorkQueue target, Map<String, String> attributes, Instant due)
            throws StoreException;

    /** Deletes an unclaimed entry for good. */
    void remove(QueueEntry entry) throws StoreException;

    /** A claimed entry: only its holder changes it, and closing without a decision releases the claim. */
    interface Claim extends AutoCloseable {

        QueueEntry entry();

        /** False once the claim expired before it could be renewed: another node may work on the entry now. */
        boolean isValid();

        /** Keeps the entry with new attributes, due again at {@code due}, and releases the claim. */
        void reschedule(Map<String, String> attributes, Instant due) throws StoreException;

        /**
         * Adds a copy of the entry to {@code target} (e.g. the dead letters, for the recipients that failed) with its
         * own attributes; the content is shared, not copied. The claim stays.
         */
        QueueEntry copyTo(WorkQueue target, Map<String, String> attributes, Instant due) throws StoreException;

        /** Removes the finished entry and ends the claim. */
        void complete() throws StoreException;

        /** Releases the claim and leaves the entry as it is. */
        @Override
        void close();
    }
}
