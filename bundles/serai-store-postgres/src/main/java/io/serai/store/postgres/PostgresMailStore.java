package io.serai.store.postgres;

import io.serai.store.api.MailStore;

/** The PostgreSQL store: a {@link MailStore} that several nodes can open on one database at once. */
public interface PostgresMailStore extends MailStore {

    /** The schema version this store migrated the database to (the newest migration applied). */
    int schemaVersion();

    /** This node's identity in leases, queue claims and logs. */
    String nodeId();
}
