package io.serai.store.postgres.internal.write;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.serai.store.api.FlagUpdate;
import io.serai.store.api.FlagUpdateResult;
import io.serai.store.api.Flags;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.QuotaLimits;
import io.serai.store.api.StoreException;
import io.serai.store.api.UidMapping;
import io.serai.store.postgres.internal.MailboxRow;
import io.serai.store.postgres.internal.MessageRows;
import io.serai.store.postgres.internal.content.ContentWriter;
import io.serai.store.postgres.internal.event.ChangeKind;
import io.serai.store.postgres.internal.event.ChangeLog;

/**
 * Flag changes, expunges, copies and moves, each one transaction under the mailbox row lock(s), with one new MODSEQ
 * per operation and mailbox (RFC 7162 section 3.1.1 asks only that it grows).
 */
public final class MessageWriter {
    private final ChangeLog log;
    private final QuotaLimits defaultQuota;

    public MessageWriter(ChangeLog log, QuotaLimits defaultQuota) {
        this.log = log;
        this.defaultQuota = defaultQuota;
    }

    /** STORE with the UNCHANGEDSINCE test of RFC 7162 section 3.1.3. */
    public FlagUpdateResult updateFlags(Connection c, long mailboxId, long[] uids, FlagUpdate update)
            throws SQLException, StoreException {
        MailboxCounters m = new MailboxCounters(MailboxRow.lock(c, mailboxId));
        List<MessageMeta> current = MessageRows.select(c, mailboxId, "AND m.uid = ANY (?)",
                MessageRows.longs(c, MessageRows.sortedDistinct(uids)));
        long modSeq = m.highestModSeq + 1;
        List<MessageMeta> changed = new ArrayList<>();
        List<Long> modified = new ArrayList<>();
        for (MessageMeta meta : current) {
            if (update.unchangedSince().isPresent() && meta.modSeq() > update.unchangedSince().getAsLong()) {
                modified.add(meta.uid());
                continue;
            }
            Flags after = update.applyTo(meta.flags());
            if (!after.equals(meta.flags())) {
                changed.add(new MessageMeta(meta.uid(), modSeq, meta.internalDate(), meta.size(), after,
                        meta.savedDate()));
            }
        }
        FlagUpdateResult result = new FlagUpdateResult(changed,
                modified.stream().mapToLong(Long::longValue).toArray());
        if (changed.isEmpty()) {
            return result;
        }
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE message SET flags = ?, keywords = ?, modseq = ? WHERE mailbox_id = ? AND uid = ?")) {
            for (MessageMeta meta : changed) {
                p.setInt(1, meta.flags().systemBits());
                p.setArray(2, MessageRows.keywords(c, meta.flags()));
                p.setLong(3, modSeq);
                p.setLong(4, mailboxId);
                p.setLong(5, meta.uid());
                p.addBatch();
            }
            p.executeBatch();
        }
        m.nextModSeq();
        m.log(log, ChangeKind.FLAGS, modSeq, changed.stream().mapToLong(MessageMeta::uid).toArray());
        m.save(c);
        return result;
    }

    /** Removes the messages; returns the UIDs that were there. */
    public long[] expunge(Connection c, long mailboxId, long[] uids) throws SQLException, StoreException {
        MailboxCounters m = new MailboxCounters(MailboxRow.lock(c, mailboxId));
        Removed removed = delete(c, mailboxId, MessageRows.sortedDistinct(uids));
        if (removed.uids.length == 0) {
            return removed.uids;
        }
        finishRemoval(c, m, removed);
        m.save(c);
        return removed.uids;
    }

    /** COPY, or MOVE (RFC 6851): copy and expunge in one transaction. */
    public UidMapping copy(Connection c, long sourceId, long targetId, long[] uids, boolean move)
            throws SQLException, StoreException {
        MailboxRow[] locked = MailboxRow.lockPair(c, sourceId, targetId);
        MailboxCounters src = new MailboxCounters(locked[0]);
        MailboxCounters dst = sourceId == targetId ? src : new MailboxCounters(locked[1]);
        List<Source> sources = sources(c, sourceId, MessageRows.sortedDistinct(uids));
        dst.requireUidSpace(sources.size());
        long octets = sources.stream().mapToLong(s -> s.meta.size()).sum();
        boolean sameAccount = src.row.account().equals(dst.row.account());
        Map<String, AccountUsage> usage = AccountUsage.lock(c, List.of(src.row.account(), dst.row.account()),
                defaultQuota);
        if (!move || !sameAccount) {
            usage.get(dst.row.account()).check(octets, sources.size());
        }
        long[] sourceUids = sources.stream().mapToLong(s -> s.meta.uid()).toArray();
        long[] targetUids = new long[sources.size()];
        if (sources.isEmpty()) {
            return new UidMapping(dst.row.uidValidity(), sourceUids, targetUids);
        }
        long modSeq = dst.nextModSeq();
        // RFC 8514 section 1: a copy is a new save into the target (the internal date stays); the node's clock,
        // as for APPEND, so a caller sees a save date no earlier than when it asked
        Timestamp savedAt = Timestamp.from(Instant.now());
        try (PreparedStatement p = c.prepareStatement("INSERT INTO message (mailbox_id, uid, modseq, internal_date, "
                + "size, flags, keywords, content_id, save_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < sources.size(); i++) {
                Source s = sources.get(i);
                targetUids[i] = dst.uidNext++;
                p.setLong(1, targetId);
                p.setLong(2, targetUids[i]);
                p.setLong(3, modSeq);
                p.setTimestamp(4, Timestamp.from(s.meta.internalDate()));
                p.setLong(5, s.meta.size());
                p.setInt(6, s.meta.flags().systemBits());
                p.setArray(7, MessageRows.keywords(c, s.meta.flags()));
                p.setLong(8, s.contentId);
                p.setTimestamp(9, savedAt);
                p.addBatch();
            }
            p.executeBatch();
        }
        dst.messages += sources.size();
        dst.octets += octets;
        usage.get(dst.row.account()).add(octets, sources.size());
        dst.log(log, ChangeKind.ADDED, modSeq, targetUids);
        if (dst != src) {
            dst.save(c); // first, so that listeners hear of the copy before the source's expunge
        }
        if (move) {
            Removed removed = delete(c, sourceId, sourceUids);
            src.messages -= removed.uids.length;
            src.octets -= removed.octets;
            usage.get(src.row.account()).add(-removed.octets, -removed.uids.length);
            src.log(log, ChangeKind.EXPUNGED, src.nextModSeq(), removed.uids);
        }
        if (move || dst == src) {
            src.save(c);
        }
        for (AccountUsage u : usage.values()) {
            u.save(c);
        }
        return new UidMapping(dst.row.uidValidity(), sourceUids, targetUids);
    }

    private void finishRemoval(Connection c, MailboxCounters m, Removed removed) throws SQLException {
        m.messages -= removed.uids.length;
        m.octets -= removed.octets;
        m.log(log, ChangeKind.EXPUNGED, m.nextModSeq(), removed.uids);
        AccountUsage.release(c, m.row.account(), removed.octets, removed.uids.length);
        ContentWriter.collect(c, removed.contentIds);
    }

    private static Removed delete(Connection c, long mailboxId, long[] uids) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM message WHERE mailbox_id = ? AND uid = ANY (?) "
                + "RETURNING uid, size, content_id")) {
            p.setLong(1, mailboxId);
            p.setArray(2, MessageRows.longs(c, uids));
            List<long[]> rows = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    rows.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
                }
            }
            rows.sort((a, b) -> Long.compare(a[0], b[0]));
            long octets = rows.stream().mapToLong(r -> r[1]).sum();
            return new Removed(rows.stream().mapToLong(r -> r[0]).toArray(), octets,
                    rows.stream().mapToLong(r -> r[2]).distinct().toArray());
        }
    }

    private static List<Source> sources(Connection c, long mailboxId, long[] uids) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + MessageRows.COLUMNS
                + " FROM message m WHERE m.mailbox_id = ? AND m.uid = ANY (?) ORDER BY m.uid")) {
            p.setLong(1, mailboxId);
            p.setArray(2, MessageRows.longs(c, uids));
            List<Source> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new Source(MessageRows.meta(rs), MessageRows.contentId(rs)));
                }
            }
            return out;
        }
    }

    private record Source(MessageMeta meta, long contentId) {
    }

    private record Removed(long[] uids, long octets, long[] contentIds) {
    }
}
