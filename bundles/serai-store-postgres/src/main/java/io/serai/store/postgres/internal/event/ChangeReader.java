package io.serai.store.postgres.internal.event;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.serai.store.api.event.StoreEvent;

/** Reads change_log rows and turns them into the API's events (one per UID for additions and flag changes). */
final class ChangeReader {
    private ChangeReader() {
    }

    /**
     * The newest seq of every mailbox: the counter on its row (bumped in the transaction that writes the change),
     * and for mailboxes deleted lately, which have no row any more, their last change_log row.
     */
    static Map<Long, Long> newest(Connection c) throws SQLException {
        Map<Long, Long> out = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, event_seq FROM mailbox UNION ALL "
                     + "SELECT mailbox_id, seq FROM change_log WHERE kind = " + ChangeKind.DELETED.code()
                     + " AND created_at > now() - interval '1 hour'")) {
            while (rs.next()) {
                out.merge(rs.getLong(1), rs.getLong(2), Math::max);
            }
        }
        return out;
    }

    /** The changes of one mailbox after {@code afterSeq}, in order; the last element's seq is returned via {@code seqOut}. */
    static List<StoreEvent> after(Connection c, long mailboxId, long afterSeq, long[] seqOut) throws SQLException {
        List<StoreEvent> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT seq, account, kind, modseq, uids, name, old_name "
                + "FROM change_log WHERE mailbox_id = ? AND seq > ? ORDER BY seq")) {
            p.setLong(1, mailboxId);
            p.setLong(2, afterSeq);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    seqOut[0] = rs.getLong(1);
                    String account = rs.getString(2);
                    ChangeKind kind = ChangeKind.of(rs.getShort(3));
                    long modSeq = rs.getLong(4);
                    long[] uids = uids(rs.getArray(5));
                    String name = rs.getString(6);
                    switch (kind) {
                        case ADDED -> {
                            for (long uid : uids) {
                                out.add(new StoreEvent.MessageAdded(account, mailboxId, uid, modSeq));
                            }
                        }
                        case FLAGS -> {
                            for (long uid : uids) {
                                out.add(new StoreEvent.FlagsChanged(account, mailboxId, uid, modSeq));
                            }
                        }
                        case EXPUNGED -> out.add(new StoreEvent.MessagesExpunged(account, mailboxId, uids, modSeq));
                        case CREATED -> out.add(new StoreEvent.MailboxCreated(account, mailboxId, name));
                        case RENAMED -> out.add(new StoreEvent.MailboxRenamed(account, mailboxId, rs.getString(7), name));
                        case DELETED -> out.add(new StoreEvent.MailboxDeleted(account, mailboxId, name));
                        default -> throw new IllegalStateException(kind.name());
                    }
                }
            }
        }
        return out;
    }

    private static long[] uids(Array array) throws SQLException {
        if (array == null) {
            return new long[0];
        }
        Object[] values = (Object[]) array.getArray();
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = ((Number) values[i]).longValue();
        }
        return out;
    }
}
