package io.serai.store.postgres.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import io.serai.store.api.MailboxInfo;
import io.serai.store.api.NotFoundException;
import io.serai.store.api.SpecialUse;
import io.serai.store.api.StoreException;

/** A mailbox row as read (and, in a transaction, locked): its counters are the truth while the lock is held. */
public record MailboxRow(long id, String account, String name, long uidValidity, long uidNext, long highestModSeq,
                         int messages, long octets, Optional<SpecialUse> specialUse, long eventSeq) {

    static final String COLUMNS = "id, account, name, uid_validity, uid_next, highest_modseq, messages, octets, "
            + "special_use, event_seq";

    public MailboxInfo info() {
        return new MailboxInfo(name, uidValidity, uidNext, highestModSeq, messages, octets, specialUse);
    }

    /** Reads the row without locking it. */
    public static MailboxRow read(Connection c, long id) throws SQLException, StoreException {
        return one(c, "SELECT " + COLUMNS + " FROM mailbox WHERE id = ?", id);
    }

    /**
     * Locks the row until the transaction ends. Every change to a mailbox's messages takes this lock first, so
     * UIDs, MODSEQs and change_log sequence numbers are allocated in commit order, whichever node commits.
     */
    public static MailboxRow lock(Connection c, long id) throws SQLException, StoreException {
        return one(c, "SELECT " + COLUMNS + " FROM mailbox WHERE id = ? FOR NO KEY UPDATE", id);
    }

    /** Locks two mailboxes in id order, so two transactions locking the same pair cannot deadlock. */
    public static MailboxRow[] lockPair(Connection c, long a, long b) throws SQLException, StoreException {
        if (a == b) {
            MailboxRow m = lock(c, a);
            return new MailboxRow[] {m, m};
        }
        MailboxRow first = lock(c, Math.min(a, b));
        MailboxRow second = lock(c, Math.max(a, b));
        return a < b ? new MailboxRow[] {first, second} : new MailboxRow[] {second, first};
    }

    private static MailboxRow one(Connection c, String sql, long id) throws SQLException, StoreException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, id);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("mailbox was deleted");
                }
                return of(rs);
            }
        }
    }

    static MailboxRow of(ResultSet rs) throws SQLException {
        String use = rs.getString(9);
        return new MailboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                rs.getLong(6), rs.getInt(7), rs.getLong(8),
                use == null ? Optional.empty() : Optional.of(SpecialUse.valueOf(use)), rs.getLong(10));
    }
}
