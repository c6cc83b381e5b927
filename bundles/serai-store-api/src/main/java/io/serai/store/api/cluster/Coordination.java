package io.serai.store.api.cluster;

/**
 * What the nodes sharing a store coordinate through it. Everything here is as durable as the store's mailboxes:
 * a record written or an entry queued survives the node that wrote it.
 */
public interface Coordination {

    /** This node's identity for the life of the store object (shown as the holder of its leases and claims). */
    String nodeId();

    /** Exclusive, expiring claims on names (a POP3 maildrop, a route's folder). */
    Leases leases();

    /** Small durable records by key (a consumer's position in a folder). */
    SharedRecords records();

    /** The durable work queue of that name (e.g. {@code relay}, {@code relay-dead}), created on first use. */
    WorkQueue queue(String name);
}
