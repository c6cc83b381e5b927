package io.serai.store.api;

import java.util.Optional;

import io.serai.store.api.cluster.Coordination;
import io.serai.store.api.event.StoreListener;
import io.serai.store.api.restore.StoreRestore;

/**
 * Entry point of a mailbox store. Every mutation is durable when the method returns.
 * UIDs, MODSEQs and change events come from the store itself, never from JVM-local state of a caller,
 * so several nodes can share one store implementation (PostgreSQL).
 */
public interface MailStore extends AutoCloseable {

    /** Domains, accounts, credentials, aliases and quotas. */
    Accounts accounts();

    /** Maps an envelope recipient to an account. */
    RecipientResolver recipients();

    /** The mailboxes of one account. */
    Mailboxes mailboxes(String account) throws StoreException;

    /**
     * Registers a listener. Events are delivered asynchronously, in commit order per mailbox,
     * never on the committing thread. Closing the returned handle unregisters it. A store shared by several nodes
     * may also hand a new listener changes committed shortly before it registered; listeners recognise them by UID
     * and MODSEQ (as an IMAP session does against the snapshot it takes after registering).
     */
    AutoCloseable addListener(StoreListener listener);

    /**
     * What the nodes that share this store coordinate through it (leases, small shared records, work queues).
     * Empty for a store that only one process opens, such as the embedded one: callers then keep their
     * in-process locks and local files.
     */
    default Optional<Coordination> coordination() {
        return Optional.empty();
    }

    /**
     * Writing accounts, mailboxes and messages exactly as another store has them (UIDVALIDITY, UIDs, MODSEQs,
     * flags), for moving between stores. Empty if this store cannot.
     */
    default Optional<StoreRestore> restore() {
        return Optional.empty();
    }

    @Override
    void close() throws StoreException;
}
