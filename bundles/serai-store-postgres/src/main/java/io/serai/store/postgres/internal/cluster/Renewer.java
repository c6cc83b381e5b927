package io.serai.store.postgres.internal.cluster;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.serai.store.postgres.internal.Database;

/**
 * Keeps this node's leases and queue claims alive: every third of the lease time, one statement per table extends
 * all of them in the database's clock. A holding that the database no longer has under its token (it expired and
 * someone else took it) or that could not be renewed before its local deadline is marked lost, and its holder sees
 * {@code isValid() == false}. The local deadline runs on this JVM's monotonic clock from the last renewal that
 * succeeded, minus a margin, so it never outlives the database's expiry.
 */
final class Renewer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Renewer.class);

    /** One lease or claim this node holds. */
    static final class Holding {
        final UUID token;
        private volatile long deadlineNanos;
        private volatile boolean lost;

        Holding(UUID token, long deadlineNanos) {
            this.token = token;
            this.deadlineNanos = deadlineNanos;
        }

        boolean isValid() {
            return !lost && System.nanoTime() < deadlineNanos;
        }

        void lose() {
            lost = true;
        }
    }

    private final Database db;
    private final Duration leaseTime;
    private final Map<UUID, Holding> leases = new ConcurrentHashMap<>();
    private final Map<UUID, Holding> claims = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> task;

    Renewer(Database db, Duration leaseTime, ScheduledExecutorService scheduler) {
        this.db = db;
        this.leaseTime = leaseTime;
        long period = Math.max(1, leaseTime.toMillis() / 3);
        this.task = scheduler.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    /** A holding just taken in the database (its expiry there is now + lease time). */
    Holding hold(UUID token, boolean claim, long takenAtNanos) {
        Holding h = new Holding(token, deadline(takenAtNanos));
        (claim ? claims : leases).put(token, h);
        return h;
    }

    void release(Holding h) {
        leases.remove(h.token);
        claims.remove(h.token);
    }

    String interval() {
        return leaseTime.toMillis() + " milliseconds";
    }

    private long deadline(long fromNanos) {
        // a tenth of the lease time as margin for the round trip and scheduling delay
        return fromNanos + leaseTime.toNanos() - leaseTime.toNanos() / 10;
    }

    private void renew() {
        renew(leases, "UPDATE lease SET expires_at = now() + ?::interval WHERE token = ANY (?) "
                + "AND expires_at > now() RETURNING token");
        renew(claims, "UPDATE queue_entry SET claim_expires = now() + ?::interval WHERE claim_token = ANY (?) "
                + "AND claim_expires > now() RETURNING claim_token");
    }

    private void renew(Map<UUID, Holding> holdings, String sql) {
        if (holdings.isEmpty()) {
            return;
        }
        Set<UUID> wanted = new HashSet<>(holdings.keySet());
        long started = System.nanoTime();
        try {
            Set<UUID> renewed = db.read(c -> {
                try (PreparedStatement p = c.prepareStatement(sql)) {
                    p.setString(1, interval());
                    Array tokens = c.createArrayOf("uuid", wanted.toArray());
                    p.setArray(2, tokens);
                    Set<UUID> out = new HashSet<>();
                    try (ResultSet rs = p.executeQuery()) {
                        while (rs.next()) {
                            out.add((UUID) rs.getObject(1));
                        }
                    }
                    return out;
                }
            });
            for (UUID token : wanted) {
                Holding h = holdings.get(token);
                if (h == null) {
                    continue; // released meanwhile
                }
                if (renewed.contains(token)) {
                    h.deadlineNanos = deadline(started);
                } else {
                    h.lose();
                    holdings.remove(token);
                    LOG.warn("A lease or claim of this node expired before it could be renewed; another node may hold it");
                }
            }
        } catch (Exception e) {
            // the local deadlines run out by themselves; the next round tries again
            LOG.warn("Renewing this node's leases failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        task.cancel(false);
    }
}
