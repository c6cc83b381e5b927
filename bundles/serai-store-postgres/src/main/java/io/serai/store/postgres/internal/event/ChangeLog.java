package io.serai.store.postgres.internal.event;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;

/**
 * Writes change_log rows inside the transaction that made the change, and tells every node (this one too) with a
 * NOTIFY that PostgreSQL delivers only when the transaction commits, so no node hears of a change that was rolled
 * back. The payload is {@code mailboxId:seq}; listeners read the rows themselves (payloads are limited to 8000
 * bytes and lost while a listener is disconnected, rows are not).
 */
public final class ChangeLog {
    private final String channel;

    public ChangeLog(String schema) {
        this.channel = channel(schema);
    }

    /** One channel per schema, so two Serai systems in one database do not hear each other. */
    public static String channel(String schema) {
        return schema + "_changes";
    }

    /**
     * Records one change of mailbox {@code mailboxId} whose previous change_log sequence number was
     * {@code previousSeq} (read under the mailbox's row lock) and bumps the mailbox's counter. Returns the new seq.
     */
    public long record(Connection c, long mailboxId, long previousSeq, String account, ChangeKind kind, long modSeq,
                       long[] uids, String name, String oldName) throws SQLException {
        long seq = previousSeq + 1;
        try (PreparedStatement p = c.prepareStatement("UPDATE mailbox SET event_seq = ? WHERE id = ?")) {
            p.setLong(1, seq);
            p.setLong(2, mailboxId);
            p.executeUpdate();
        }
        insert(c, mailboxId, seq, account, kind, modSeq, uids, name, oldName);
        return seq;
    }

    /** Records a change of a mailbox whose row is gone or going (deletion): no counter update. */
    public void insert(Connection c, long mailboxId, long seq, String account, ChangeKind kind, long modSeq,
                       long[] uids, String name, String oldName) throws SQLException {
        // one round trip: the row and its NOTIFY together
        try (PreparedStatement p = c.prepareStatement("WITH row AS (INSERT INTO change_log (mailbox_id, seq, account, "
                + "kind, modseq, uids, name, old_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING mailbox_id, seq) "
                + "SELECT pg_notify(?, mailbox_id || ':' || seq) FROM row")) {
            p.setLong(1, mailboxId);
            p.setLong(2, seq);
            p.setString(3, account);
            p.setShort(4, (short) kind.code());
            p.setLong(5, modSeq);
            if (uids == null) {
                p.setNull(6, Types.ARRAY);
            } else {
                Array array = c.createArrayOf("bigint", Arrays.stream(uids).boxed().toArray());
                p.setArray(6, array);
            }
            p.setString(7, name);
            p.setString(8, oldName);
            p.setString(9, channel);
            p.execute();
        }
    }
}
