package io.serai.store.api;

import io.serai.store.api.event.StoreListener;

/**
 * Entry point of a mailbox store. Every mutation is durable when the method returns.
 * UIDs, MODSEQs and change events come from the store itself, never from JVM-local state of a caller,
 * so several nodes can share one store implementation (e.g. PostgreSQL) later.
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
     * never on the committing thread. Closing the returned handle unregisters it.
     */
    AutoCloseable addListener(StoreListener listener);

    @Override
    void close() throws StoreException;
}
