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
    /** The change_log row and its NOTIFY, after {@code WITH}; NOTIFY is delivered only if the transaction commits. */
    private static final String INSERT = "row AS (INSERT INTO change_log (mailbox_id, seq, account, kind, modseq, uids, "
            + "name, old_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING mailbox_id, seq) "
            + "SELECT pg_notify(?, mailbox_id || ':' || seq) FROM row";

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

    /**
     * Records one change together with {@code update}, an UPDATE of the mailbox row whose {@code ?} parameters are
     * {@code updateParams}, in one round trip: the UPDATE, the change_log row and its NOTIFY as one statement.
     */
    public void insertWith(Connection c, String update, long[] updateParams, long mailboxId, long seq, String account,
                           ChangeKind kind, long modSeq, long[] uids) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("WITH counters AS (" + update + "), " + INSERT)) {
            int i = 1;
            for (long v : updateParams) {
                p.setLong(i++, v);
            }
            bind(c, p, i, mailboxId, seq, account, kind, modSeq, uids, null, null);
            p.execute();
        }
    }

    /** Records a change of a mailbox whose row is gone or going (deletion): no counter update. */
    public void insert(Connection c, long mailboxId, long seq, String account, ChangeKind kind, long modSeq,
                       long[] uids, String name, String oldName) throws SQLException {
        // one round trip: the row and its NOTIFY together
        try (PreparedStatement p = c.prepareStatement("WITH " + INSERT)) {
            bind(c, p, 1, mailboxId, seq, account, kind, modSeq, uids, name, oldName);
            p.execute();
        }
    }

    private void bind(Connection c, PreparedStatement p, int first, long mailboxId, long seq, String account,
                      ChangeKind kind, long modSeq, long[] uids, String name, String oldName) throws SQLException {
        p.setLong(first, mailboxId);
        p.setLong(first + 1, seq);
        p.setString(first + 2, account);
        p.setShort(first + 3, (short) kind.code());
        p.setLong(first + 4, modSeq);
        if (uids == null) {
            p.setNull(first + 5, Types.ARRAY);
        } else {
            Array array = c.createArrayOf("bigint", Arrays.stream(uids).boxed().toArray());
            p.setArray(first + 5, array);
        }
        p.setString(first + 6, name);
        p.setString(first + 7, oldName);
        p.setString(first + 8, channel);
    }
}
