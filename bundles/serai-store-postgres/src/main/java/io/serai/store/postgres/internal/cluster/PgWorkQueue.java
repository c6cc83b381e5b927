package io.serai.store.postgres.internal.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.serai.store.api.ContentSource;
import io.serai.store.api.NotFoundException;
import io.serai.store.api.StoreException;
import io.serai.store.api.cluster.QueueEntry;
import io.serai.store.api.cluster.WorkQueue;
import io.serai.store.postgres.internal.Database;

/**
 * One named queue in {@code queue_entry}. Due entries are claimed with {@code FOR UPDATE SKIP LOCKED}, so nodes
 * claiming at once never wait for or double-claim each other's rows; a claim is a token and an expiry in the row,
 * renewed while held, and every change by the holder checks the token, so a node whose claim expired (it was
 * paused, or cut off from the database) cannot complete what another node has meanwhile taken over.
 */
final class PgWorkQueue implements WorkQueue {
    private static final String COLUMNS = "id, attr_names, attr_values, due, queued_at, content_id, "
            + "(SELECT size FROM queue_content WHERE queue_content.id = content_id)";

    private final String name;
    private final Database db;
    private final String nodeId;
    private final Renewer renewer;

    PgWorkQueue(String name, Database db, String nodeId, Renewer renewer) {
        this.name = name;
        this.db = db;
        this.nodeId = nodeId;
        this.renewer = renewer;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public QueueEntry enqueue(Map<String, String> attributes, ContentSource content, Instant due)
            throws StoreException {
        UUID id = UUID.randomUUID();
        return db.transaction(c -> {
            long[] stored = QueueContent.write(c, content);
            insert(c, id, attributes, due, stored[0]);
            return read(c, id).orElseThrow().entry;
        });
    }

    private void insert(Connection c, UUID id, Map<String, String> attributes, Instant due, long contentId)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO queue_entry (id, queue, attr_names, attr_values, "
                + "due, content_id) VALUES (?, ?, ?, ?, ?, ?)")) {
            p.setObject(1, id);
            p.setString(2, name);
            p.setArray(3, c.createArrayOf("text", attributes.keySet().toArray()));
            p.setArray(4, c.createArrayOf("text", attributes.values().toArray()));
            p.setTimestamp(5, Timestamp.from(due));
            p.setLong(6, contentId);
            p.executeUpdate();
        }
    }

    @Override
    public List<Claim> claimDue(Instant now, int max) throws StoreException {
        long started = System.nanoTime();
        List<Row> rows = db.transaction(c -> {
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id FROM queue_entry WHERE queue = ? AND due <= ? "
                    + "AND (claim_expires IS NULL OR claim_expires <= now()) ORDER BY due, queued_at "
                    + "LIMIT ? FOR UPDATE SKIP LOCKED")) {
                p.setString(1, name);
                p.setTimestamp(2, Timestamp.from(now));
                p.setInt(3, max);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        ids.add((UUID) rs.getObject(1));
                    }
                }
            }
            List<Row> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("UPDATE queue_entry SET claim_holder = ?, claim_token = ?, "
                    + "claim_expires = now() + ?::interval WHERE id = ?")) {
                for (UUID id : ids) {
                    UUID token = UUID.randomUUID();
                    p.setString(1, nodeId);
                    p.setObject(2, token);
                    p.setString(3, renewer.interval());
                    p.setObject(4, id);
                    p.addBatch();
                    out.add(new Row(null, 0, token, id));
                }
                p.executeBatch();
            }
            List<Row> claimed = new ArrayList<>();
            for (Row r : out) {
                Row read = read(c, r.id).orElseThrow();
                claimed.add(new Row(read.entry, read.contentId, r.token, r.id));
            }
            return claimed;
        });
        List<Claim> claims = new ArrayList<>(rows.size());
        for (Row r : rows) {
            claims.add(new PgClaim(r.entry, r.contentId, r.token, renewer.hold(r.token, true, started)));
        }
        return claims;
    }

    @Override
    public List<QueueEntry> entries() throws StoreException {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM queue_entry WHERE queue = ? ORDER BY queued_at, id")) {
                p.setString(1, name);
                List<QueueEntry> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs).entry);
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Optional<QueueEntry> find(String id) throws StoreException {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return db.read(c -> read(c, uuid).map(r -> r.entry));
    }

    @Override
    public InputStream open(QueueEntry entry) throws IOException {
        Optional<Row> row = db.read(c -> read(c, UUID.fromString(entry.id())));
        if (row.isEmpty()) {
            throw new NotFoundException("queue entry " + entry.id() + " is gone");
        }
        return QueueContent.open(db, row.get().contentId);
    }

    @Override
    public QueueEntry transfer(QueueEntry entry, WorkQueue target, Map<String, String> attributes, Instant due)
            throws StoreException {
        PgWorkQueue t = sibling(target);
        UUID id = UUID.fromString(entry.id());
        return db.transaction(c -> {
            Row row = lockUnclaimed(c, id);
            try (PreparedStatement p = c.prepareStatement("UPDATE queue_entry SET queue = ?, attr_names = ?, "
                    + "attr_values = ?, due = ? WHERE id = ?")) {
                p.setString(1, t.name);
                p.setArray(2, c.createArrayOf("text", attributes.keySet().toArray()));
                p.setArray(3, c.createArrayOf("text", attributes.values().toArray()));
                p.setTimestamp(4, Timestamp.from(due));
                p.setObject(5, id);
                p.executeUpdate();
            }
            return read(c, row.id).orElseThrow().entry;
        });
    }

    @Override
    public void remove(QueueEntry entry) throws StoreException {
        UUID id = UUID.fromString(entry.id());
        db.transaction(c -> {
            Row row = lockUnclaimed(c, id);
            delete(c, row);
            return null;
        });
    }

    private Row lockUnclaimed(Connection c, UUID id) throws SQLException, StoreException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + ", claim_expires > now() "
                + "FROM queue_entry WHERE id = ? AND queue = ? FOR UPDATE")) {
            p.setObject(1, id);
            p.setString(2, name);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("no entry " + id + " in queue " + name);
                }
                if (rs.getBoolean(8)) {
                    throw new StoreException("entry " + id + " is being worked on by a node");
                }
                return row(rs);
            }
        }
    }

    private static void delete(Connection c, Row row) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM queue_entry WHERE id = ?")) {
            p.setObject(1, row.id);
            p.executeUpdate();
        }
        QueueContent.collect(c, row.contentId);
    }

    private Optional<Row> read(Connection c, UUID id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM queue_entry WHERE id = ?")) {
            p.setObject(1, id);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        UUID id = (UUID) rs.getObject(1);
        Object[] names = (Object[]) rs.getArray(2).getArray();
        Object[] values = (Object[]) rs.getArray(3).getArray();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            attributes.put((String) names[i], (String) values[i]);
        }
        QueueEntry e = new QueueEntry(id.toString(), attributes, rs.getTimestamp(4).toInstant(),
                rs.getTimestamp(5).toInstant(), rs.getLong(7));
        return new Row(e, rs.getLong(6), null, id);
    }

    private PgWorkQueue sibling(WorkQueue target) throws StoreException {
        if (!(target instanceof PgWorkQueue q) || q.db != db) {
            throw new StoreException("target must be a queue of the same store");
        }
        return q;
    }

    private record Row(QueueEntry entry, long contentId, UUID token, UUID id) {
    }

    /** A claimed entry; every change checks that the row still carries this claim's token. */
    private final class PgClaim implements Claim {
        private final QueueEntry entry;
        private final long contentId;
        private final UUID token;
        private final Renewer.Holding holding;
        private volatile boolean ended;

        PgClaim(QueueEntry entry, long contentId, UUID token, Renewer.Holding holding) {
            this.entry = entry;
            this.contentId = contentId;
            this.token = token;
            this.holding = holding;
        }

        @Override
        public QueueEntry entry() {
            return entry;
        }

        @Override
        public boolean isValid() {
            return !ended && holding.isValid();
        }

        @Override
        public void reschedule(Map<String, String> attributes, Instant due) throws StoreException {
            change("UPDATE queue_entry SET attr_names = ?, attr_values = ?, due = ?, claim_holder = NULL, "
                    + "claim_token = NULL, claim_expires = NULL WHERE id = ? AND claim_token = ?", (c, p) -> {
                        p.setArray(1, c.createArrayOf("text", attributes.keySet().toArray()));
                        p.setArray(2, c.createArrayOf("text", attributes.values().toArray()));
                        p.setTimestamp(3, Timestamp.from(due));
                        p.setObject(4, UUID.fromString(entry.id()));
                        p.setObject(5, token);
                    });
            end();
        }

        @Override
        public QueueEntry copyTo(WorkQueue target, Map<String, String> attributes, Instant due)
                throws StoreException {
            PgWorkQueue t = sibling(target);
            UUID copy = UUID.randomUUID();
            return db.transaction(c -> {
                requireToken(c);
                t.insert(c, copy, attributes, due, contentId);
                return t.read(c, copy).orElseThrow().entry;
            });
        }

        @Override
        public void complete() throws StoreException {
            db.transaction(c -> {
                requireToken(c);
                delete(c, new Row(entry, contentId, token, UUID.fromString(entry.id())));
                return null;
            });
            end();
        }

        @Override
        public void close() {
            if (ended) {
                return;
            }
            try {
                change("UPDATE queue_entry SET claim_holder = NULL, claim_token = NULL, claim_expires = NULL "
                        + "WHERE id = ? AND claim_token = ?", (c, p) -> {
                            p.setObject(1, UUID.fromString(entry.id()));
                            p.setObject(2, token);
                        });
            } catch (StoreException e) {
                // the claim expires by itself
            }
            end();
        }

        private void end() {
            ended = true;
            renewer.release(holding);
        }

        private void requireToken(Connection c) throws SQLException, StoreException {
            try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM queue_entry WHERE id = ? AND claim_token = ? "
                    + "FOR UPDATE")) {
                p.setObject(1, UUID.fromString(entry.id()));
                p.setObject(2, token);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException("the claim on queue entry " + entry.id() + " was lost");
                    }
                }
            }
        }

        private void change(String sql, Binder binder) throws StoreException {
            int changed = db.transaction(c -> {
                try (PreparedStatement p = c.prepareStatement(sql)) {
                    binder.bind(c, p);
                    return p.executeUpdate();
                }
            });
            if (changed == 0) {
                end();
                throw new StoreException("the claim on queue entry " + entry.id() + " was lost");
            }
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(Connection c, PreparedStatement p) throws SQLException;
    }
}
