package io.serai.store.postgres.internal.write;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.serai.store.api.AlreadyExistsException;
import io.serai.store.api.Mailboxes;
import io.serai.store.api.NotFoundException;
import io.serai.store.api.SpecialUse;
import io.serai.store.api.StoreException;
import io.serai.store.postgres.internal.MailboxRow;
import io.serai.store.postgres.internal.content.ContentWriter;
import io.serai.store.postgres.internal.event.ChangeKind;
import io.serai.store.postgres.internal.event.ChangeLog;

/** Creating, renaming and deleting mailboxes, in the caller's transaction. Names are already canonical. */
public final class MailboxCatalog {
    private static final char DELIMITER = Mailboxes.DELIMITER;

    private final ChangeLog log;

    public MailboxCatalog(ChangeLog log) {
        this.log = log;
    }

    /**
     * UIDVALIDITY values for {@code count} new mailboxes: above every value handed out before in this store, and
     * at least the current time in seconds, so a store rebuilt from scratch does not repeat old values either
     * (RFC 3501 section 2.3.1.1). The one-row table serialises allocation across nodes.
     */
    public static long allocateUidValidity(Connection c, int count) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE uid_validity SET last = greatest(last + ?, "
                + "extract(epoch FROM now())::bigint + ?) WHERE id = 1 RETURNING last")) {
            p.setInt(1, count);
            p.setInt(2, count - 1);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1) - count + 1;
            }
        }
    }

    /** Keeps the allocator above a restored value. */
    public static void reserveUidValidity(Connection c, long value) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE uid_validity SET last = greatest(last, ?) WHERE id = 1")) {
            p.setLong(1, value);
            p.executeUpdate();
        }
    }

    /** Inserts one mailbox row and logs its creation; fails if the name exists. */
    public long insert(Connection c, String account, String name, long uidValidity, Optional<SpecialUse> use)
            throws SQLException, StoreException {
        long id;
        try (PreparedStatement p = c.prepareStatement("INSERT INTO mailbox (account, name, uid_validity, "
                + "special_use, event_seq) VALUES (?, ?, ?, ?, 1) ON CONFLICT (account, name) DO NOTHING RETURNING id")) {
            p.setString(1, account);
            p.setString(2, name);
            p.setLong(3, uidValidity);
            if (use.isPresent()) {
                p.setString(4, use.get().name());
            } else {
                p.setNull(4, Types.VARCHAR);
            }
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    throw new AlreadyExistsException("mailbox " + name + " exists");
                }
                id = rs.getLong(1);
            }
        }
        log.insert(c, id, 1, account, ChangeKind.CREATED, 0, null, name, null);
        return id;
    }

    /** Creates {@code name} and its missing parents (RFC 3501 section 6.3.3); returns the new mailbox's id. */
    public long create(Connection c, String account, String name) throws SQLException, StoreException {
        lockAccount(c, account);
        Map<String, Long> existing = names(c, account);
        if (existing.containsKey(name)) {
            throw new AlreadyExistsException("mailbox " + name + " exists");
        }
        List<String> missing = new ArrayList<>();
        for (int slash = name.indexOf(DELIMITER); slash > 0; slash = name.indexOf(DELIMITER, slash + 1)) {
            String parent = name.substring(0, slash);
            if (!existing.containsKey(parent)) {
                missing.add(parent);
            }
        }
        missing.add(name);
        long validity = allocateUidValidity(c, missing.size());
        long id = 0;
        for (String n : missing) {
            id = insert(c, account, n, validity++, Optional.empty());
        }
        return id;
    }

    /** Deletes a mailbox and its messages, giving back their quota. */
    public void delete(Connection c, String account, String name) throws SQLException, StoreException {
        lockAccount(c, account);
        Long id = names(c, account).get(name);
        if (id == null) {
            throw new NotFoundException("no mailbox " + name);
        }
        drop(c, MailboxRow.lock(c, id));
    }

    /** Removes the row of a locked mailbox and everything in it. */
    public void drop(Connection c, MailboxRow m) throws SQLException {
        long[] contentIds;
        long octets = 0;
        long count = 0;
        try (PreparedStatement p = c.prepareStatement("SELECT coalesce(sum(size), 0), count(*), "
                + "array_agg(DISTINCT content_id) FROM message WHERE mailbox_id = ?")) {
            p.setLong(1, m.id());
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                octets = rs.getLong(1);
                count = rs.getLong(2);
                java.sql.Array a = rs.getArray(3);
                Object[] ids = a == null ? new Object[0] : (Object[]) a.getArray();
                contentIds = new long[ids.length];
                for (int i = 0; i < ids.length; i++) {
                    contentIds[i] = ((Number) ids[i]).longValue();
                }
            }
        }
        try (PreparedStatement p = c.prepareStatement("DELETE FROM mailbox WHERE id = ?")) {
            p.setLong(1, m.id());
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE account SET used_octets = greatest(0, used_octets - ?), "
                + "used_messages = greatest(0, used_messages - ?) WHERE address = ?")) {
            p.setLong(1, octets);
            p.setLong(2, count);
            p.setString(3, m.account());
            p.executeUpdate();
        }
        ContentWriter.collect(c, contentIds);
        log.insert(c, m.id(), m.eventSeq() + 1, m.account(), ChangeKind.DELETED, 0, null, m.name(), null);
    }

    /** Renames a mailbox and its children (RFC 3501 section 6.3.5); ids, and so UIDVALIDITY, stay. */
    public void rename(Connection c, String account, String from, String to) throws SQLException, StoreException {
        lockAccount(c, account);
        Map<String, Long> existing = names(c, account);
        if (!existing.containsKey(from)) {
            throw new NotFoundException("no mailbox " + from);
        }
        if (existing.containsKey(to)) {
            throw new AlreadyExistsException("mailbox " + to + " exists");
        }
        Map<Long, String[]> renames = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : existing.entrySet()) {
            String old = e.getKey();
            if (old.equals(from) || old.startsWith(from + DELIMITER)) {
                String renamed = to + old.substring(from.length());
                if (!old.equals(from) && existing.containsKey(renamed)) {
                    throw new AlreadyExistsException("mailbox " + renamed + " exists");
                }
                renames.put(e.getValue(), new String[] {old, renamed});
            }
        }
        // two steps, so a child renamed onto a name another child is leaving does not hit the unique constraint
        try (PreparedStatement p = c.prepareStatement("UPDATE mailbox SET name = ? WHERE id = ?")) {
            for (Map.Entry<Long, String[]> e : renames.entrySet()) {
                p.setString(1, "\u0001rename-" + e.getKey());
                p.setLong(2, e.getKey());
                p.addBatch();
            }
            p.executeBatch();
            for (Map.Entry<Long, String[]> e : renames.entrySet()) {
                p.setString(1, e.getValue()[1]);
                p.setLong(2, e.getKey());
                p.addBatch();
            }
            p.executeBatch();
        }
        for (Map.Entry<Long, String[]> e : renames.entrySet()) {
            MailboxRow m = MailboxRow.lock(c, e.getKey());
            log.record(c, m.id(), m.eventSeq(), account, ChangeKind.RENAMED, 0, null, e.getValue()[1],
                    e.getValue()[0]);
        }
    }

    /** The account's mailboxes by name. */
    public static Map<String, Long> names(Connection c, String account) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT name, id FROM mailbox WHERE account = ? ORDER BY name COLLATE \"C\"")) {
            p.setString(1, account);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    /**
     * Serialises changes to one account's mailbox tree (create, rename, delete) across nodes. It is a key-share lock on
     * the account row plus an advisory transaction lock on the account, not a row lock, so appends that update
     * the quota counters on the same row are not held up by it.
     */
    static void lockAccount(Connection c, String account) throws SQLException, StoreException {
        try (PreparedStatement p = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('serai.tree.' || ?)), "
                + "(SELECT 1 FROM account WHERE address = ? FOR KEY SHARE)")) {
            p.setString(1, account);
            p.setString(2, account);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                rs.getInt(2);
                if (rs.wasNull()) {
                    throw new NotFoundException("no account " + account);
                }
            }
        }
    }
}
