package io.serai.store.postgres.internal.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

import io.serai.store.api.cluster.Coordination;
import io.serai.store.api.cluster.Leases;
import io.serai.store.api.cluster.SharedRecords;
import io.serai.store.api.cluster.WorkQueue;
import io.serai.store.postgres.internal.Database;

/** Leases, shared records and work queues of the nodes sharing one PostgreSQL store. */
public final class PgCoordination implements Coordination, AutoCloseable {
    private final String nodeId;
    private final Renewer renewer;
    private final PgLeases leases;
    private final PgSharedRecords records;
    private final Map<String, PgWorkQueue> queues = new ConcurrentHashMap<>();
    private final Database db;

    public PgCoordination(Database db, String nodeId, Duration leaseTime, ScheduledExecutorService scheduler) {
        this.db = db;
        this.nodeId = nodeId;
        this.renewer = new Renewer(db, leaseTime, scheduler);
        this.leases = new PgLeases(db, nodeId, renewer);
        this.records = new PgSharedRecords(db);
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public Leases leases() {
        return leases;
    }

    @Override
    public SharedRecords records() {
        return records;
    }

    @Override
    public WorkQueue queue(String name) {
        return queues.computeIfAbsent(name, n -> new PgWorkQueue(n, db, nodeId, renewer));
    }

    /** Stops renewing: what this node holds expires after the lease time unless released before. */
    @Override
    public void close() {
        renewer.close();
    }
}
