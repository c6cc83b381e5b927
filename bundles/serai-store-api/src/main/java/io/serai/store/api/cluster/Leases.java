package io.serai.store.api.cluster;

import java.util.Optional;

import io.serai.store.api.StoreException;

/**
 * Named exclusive leases shared by every node of a store. A lease is held by one node at a time; the store renews
 * the leases this node holds in the background, and a lease whose holder stopped renewing it (the node died or lost
 * the store) expires after the store's lease time and can then be taken by another node.
 */
public interface Leases {

    /** Takes the lease on {@code name}, or empty if another holder (on this or another node) has it. */
    Optional<Lease> tryAcquire(String name) throws StoreException;

    /** Whether anyone holds an unexpired lease on {@code name}. */
    boolean isHeld(String name) throws StoreException;
}
