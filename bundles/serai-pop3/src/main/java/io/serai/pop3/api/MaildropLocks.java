package io.serai.pop3.api;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.serai.store.api.StoreException;
import io.serai.store.api.cluster.Leases;

/**
 * The exclusive-access locks of maildrops (RFC 1939 §4: the server acquires an exclusive lock on the maildrop
 * when entering TRANSACTION). Share one instance between listeners that serve the same store (e.g. the POP3 and
 * POP3S listeners of a Karaf container) so a user cannot open the same maildrop through both. Account names are
 * compared case-insensitively, as the store compares them.
 */
public final class MaildropLocks {

    /** The store lease name of a maildrop, the same on every node. */
    static final String LEASE_PREFIX = "pop3-maildrop:";

    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final Leases cluster;

    /** Locks for the sessions of this process only (a store no other node opens). */
    public MaildropLocks() {
        this(null);
    }

    private MaildropLocks(Leases cluster) {
        this.cluster = cluster;
    }

    /**
     * Locks that also take a lease in the store the nodes share, so one session per maildrop exists across every
     * node; a node that dies loses its leases when they expire (the store's lease time).
     */
    public static MaildropLocks acrossNodes(Leases leases) {
        return new MaildropLocks(Objects.requireNonNull(leases, "leases"));
    }

    /**
     * Locks {@code account}'s maildrop, or empty if another session (here or, for locks across nodes, on another
     * node) holds it. Closing the lease releases it.
     *
     * @throws StoreException if the shared store cannot be asked (the session answers "try again later")
     */
    public Optional<Lease> tryLock(String account) throws StoreException {
        String key = account.toLowerCase(Locale.ROOT);
        if (!held.add(key)) {
            return Optional.empty();
        }
        if (cluster == null) {
            return Optional.of(new Lease(key, null));
        }
        try {
            Optional<io.serai.store.api.cluster.Lease> shared = cluster.tryAcquire(LEASE_PREFIX + key);
            if (shared.isEmpty()) {
                held.remove(key);
                return Optional.empty();
            }
            return Optional.of(new Lease(key, shared.get()));
        } catch (StoreException | RuntimeException e) {
            held.remove(key);
            throw e;
        }
    }

    /** Whether a session of this process holds {@code account}'s maildrop. */
    public boolean isLocked(String account) {
        return held.contains(account.toLowerCase(Locale.ROOT));
    }

    /** A held lock; {@link #close()} is idempotent. */
    public final class Lease implements AutoCloseable {

        private final String key;
        private final io.serai.store.api.cluster.Lease shared;
        private boolean released;

        private Lease(String key, io.serai.store.api.cluster.Lease shared) {
            this.key = key;
            this.shared = shared;
        }

        /** False once the shared lease could not be renewed in time: another node may have the maildrop now. */
        public boolean isValid() {
            return !released && (shared == null || shared.isValid());
        }

        @Override
        public synchronized void close() {
            if (!released) {
                released = true;
                if (shared != null) {
                    shared.close();
                }
                held.remove(key);
            }
        }
    }
}
