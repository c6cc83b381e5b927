package io.serai.store.postgres.internal.event;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.serai.store.api.event.StoreEvent;
import io.serai.store.support.event.EventDispatcher;
import io.serai.store.postgres.internal.Database;

/**
 * Every committed change of the shared store, from whichever node, delivered to this node's listeners: one thread
 * keeps a LISTEN session, reads the change_log rows a NOTIFY points at, and hands them to the dispatcher in seq
 * order per mailbox. It remembers the newest seq delivered per mailbox, so a NOTIFY lost while the session was down
 * is made up for by a catch-up read on reconnect, and a periodic sweep catches anything else. This node's own
 * commits come back the same way, so listeners see one order whoever made the change.
 */
public final class ChangeFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
    private static final int WAIT_MILLIS = 500;
    private static final long SWEEP_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Database db;
    private final String channel;
    private final EventDispatcher dispatcher;
    private final Map<Long, Long> delivered = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean connected;

    public ChangeFeed(Database db, EventDispatcher dispatcher, String nodeId) throws SQLException {
        this.db = db;
        this.channel = ChangeLog.channel(db.schema());
        this.dispatcher = dispatcher;
        // start after what exists: listeners registered now want what happens from now on
        try (Connection c = db.dedicatedConnection()) {
            delivered.putAll(ChangeReader.newest(c));
        }
        this.thread = new Thread(this::run, "serai-store-changes " + nodeId);
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether the LISTEN session is up (for health checks). */
    public boolean isConnected() {
        return connected;
    }

    private void run() {
        long backoff = TimeUnit.MILLISECONDS.toNanos(100);
        while (running) {
            try (Connection c = db.dedicatedConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + channel);
                }
                connected = true;
                backoff = TimeUnit.MILLISECONDS.toNanos(100);
                // LISTEN first, then catch up: a change committed in between is seen by both, and delivered once
                sweep(c);
                listen(c);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn("Store change feed lost its database session ({}); reconnecting", e.getMessage());
                }
            } finally {
                connected = false;
            }
            if (running) {
                LockSupport.parkNanos(backoff);
                backoff = Math.min(backoff * 2, TimeUnit.SECONDS.toNanos(5));
            }
        }
    }

    private void listen(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long lastSweep = System.nanoTime();
        while (running) {
            PGNotification[] notes = pg.getNotifications(WAIT_MILLIS);
            if (notes != null && notes.length > 0) {
                Set<Long> mailboxes = new HashSet<>();
                for (PGNotification n : notes) {
                    String payload = n.getParameter();
                    int colon = payload.indexOf(':');
                    long mailbox = Long.parseLong(payload.substring(0, colon));
                    long seq = Long.parseLong(payload.substring(colon + 1));
                    if (seq > delivered.getOrDefault(mailbox, 0L)) {
                        mailboxes.add(mailbox);
                    }
                }
                for (long mailbox : mailboxes) {
                    deliver(c, mailbox);
                }
            }
            if (System.nanoTime() - lastSweep > SWEEP_NANOS) {
                sweep(c);
                lastSweep = System.nanoTime();
            }
        }
    }

    /** Delivers whatever the change_log has beyond what was delivered, for every mailbox. */
    private void sweep(Connection c) throws SQLException {
        for (Map.Entry<Long, Long> e : ChangeReader.newest(c).entrySet()) {
            if (e.getValue() > delivered.getOrDefault(e.getKey(), 0L)) {
                deliver(c, e.getKey());
            }
        }
    }

    private void deliver(Connection c, long mailbox) throws SQLException {
        long after = delivered.getOrDefault(mailbox, 0L);
        long[] last = {after};
        List<StoreEvent> events = ChangeReader.after(c, mailbox, after, last);
        if (last[0] > after) {
            delivered.put(mailbox, last[0]);
            dispatcher.publish(events);
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
