package io.serai.store.postgres.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.serai.store.api.Flags;
import io.serai.store.api.MessageMeta;

/** Mapping between message rows and {@link MessageMeta}, and the arrays PostgreSQL takes. */
public final class MessageRows {
    /** The columns {@link #meta} reads, in order; qualified by {@code m.} so queries may join content. */
    public static final String COLUMNS =
            "m.uid, m.modseq, m.internal_date, m.size, m.flags, m.keywords, m.content_id, m.save_date";

    private MessageRows() {
    }

    public static MessageMeta meta(ResultSet rs) throws SQLException {
        Timestamp date = rs.getTimestamp(3);
        Timestamp saved = rs.getTimestamp(8);
        return new MessageMeta(rs.getLong(1), rs.getLong(2), date.toInstant(), rs.getLong(4),
                Flags.fromBits(rs.getInt(5), keywords(rs.getArray(6))), saved == null ? null : saved.toInstant());
    }

    public static long contentId(ResultSet rs) throws SQLException {
        return rs.getLong(7);
    }

    public static Set<String> keywords(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        Object[] values = (Object[]) array.getArray();
        Set<String> out = new TreeSet<>();
        for (Object v : values) {
            out.add((String) v);
        }
        return out;
    }

    public static Array keywords(Connection c, Flags flags) throws SQLException {
        return c.createArrayOf("text", flags.keywords().toArray());
    }

    public static Array longs(Connection c, long[] values) throws SQLException {
        return c.createArrayOf("bigint", Arrays.stream(values).boxed().toArray());
    }

    /** Metas of the messages of {@code mailboxId} matched by {@code where} (bound from parameter 2 on). */
    public static List<MessageMeta> select(Connection c, long mailboxId, String where, Object... params)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM message m WHERE m.mailbox_id = ? "
                + where + " ORDER BY m.uid")) {
            p.setLong(1, mailboxId);
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 2, params[i]);
            }
            List<MessageMeta> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(meta(rs));
                }
            }
            return out;
        }
    }

    public static long[] sortedDistinct(long[] uids) {
        return Arrays.stream(uids).filter(u -> u > 0).sorted().distinct().toArray();
    }
}
