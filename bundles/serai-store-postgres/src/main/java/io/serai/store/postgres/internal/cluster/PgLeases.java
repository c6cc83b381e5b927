package io.serai.store.postgres.internal.cluster;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.UUID;

import io.serai.store.api.StoreException;
import io.serai.store.api.cluster.Lease;
import io.serai.store.api.cluster.Leases;
import io.serai.store.postgres.internal.Database;

/**
 * Leases in one table: taking one inserts its row, or takes over a row whose expiry (database clock) has passed;
 * a held row belongs to its holder's token, so a node that lost a lease cannot release or renew the new holder's.
 */
final class PgLeases implements Leases {
    private final Database db;
    private final String nodeId;
    private final Renewer renewer;

    PgLeases(Database db, String nodeId, Renewer renewer) {
        this.db = db;
        this.nodeId = nodeId;
        this.renewer = renewer;
    }

    @Override
    public Optional<Lease> tryAcquire(String name) throws StoreException {
        UUID token = UUID.randomUUID();
        long now = System.nanoTime();
        boolean taken = db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO lease (name, holder, token, expires_at) "
                    + "VALUES (?, ?, ?, now() + ?::interval) ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, "
                    + "token = EXCLUDED.token, expires_at = EXCLUDED.expires_at WHERE lease.expires_at <= now() "
                    + "RETURNING token")) {
                p.setString(1, name);
                p.setString(2, nodeId);
                p.setObject(3, token);
                p.setString(4, renewer.interval());
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next();
                }
            }
        });
        if (!taken) {
            return Optional.empty();
        }
        return Optional.of(new PgLease(name, renewer.hold(token, false, now)));
    }

    @Override
    public boolean isHeld(String name) throws StoreException {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT 1 FROM lease WHERE name = ? AND expires_at > now()")) {
                p.setString(1, name);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private final class PgLease implements Lease {
        private final String name;
        private final Renewer.Holding holding;
        private volatile boolean closed;

        PgLease(String name, Renewer.Holding holding) {
            this.name = name;
            this.holding = holding;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean isValid() {
            return !closed && holding.isValid();
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            renewer.release(holding);
            try {
                db.read(c -> {
                    try (PreparedStatement p = c.prepareStatement("DELETE FROM lease WHERE name = ? AND token = ?")) {
                        p.setString(1, name);
                        p.setObject(2, holding.token);
                        return p.executeUpdate();
                    }
                });
            } catch (StoreException e) {
                // it expires by itself
            }
        }
    }
}
