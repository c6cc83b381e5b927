package io.serai.store.postgres.internal.write;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.serai.store.api.AppendResult;
import io.serai.store.api.QuotaLimits;
import io.serai.store.api.StoreException;
import io.serai.store.postgres.internal.MailboxRow;
import io.serai.store.postgres.internal.MessageRows;
import io.serai.store.postgres.internal.content.ContentWriter;
import io.serai.store.postgres.internal.content.PreparedContent;
import io.serai.store.postgres.internal.event.ChangeKind;
import io.serai.store.postgres.internal.event.ChangeLog;

/**
 * Writes a batch of appends in one transaction: mailboxes and accounts locked in a fixed order, UIDs and MODSEQs
 * taken from the locked rows, quotas checked against the locked counters. A request that cannot be written (its
 * mailbox is gone, its account is over quota) gets its own failure and the others still commit.
 */
public final class Appender {
    private final ChangeLog log;
    private final QuotaLimits defaultQuota;

    public Appender(ChangeLog log, QuotaLimits defaultQuota) {
        this.log = log;
        this.defaultQuota = defaultQuota;
    }

    /** What happened to each request, in order: an {@link AppendResult} or a {@link StoreException}. */
    public List<Object> append(Connection c, List<PendingAppend> batch) throws SQLException, StoreException {
        Map<Long, MailboxCounters> boxes = new TreeMap<>();
        Map<Long, StoreException> missing = new HashMap<>();
        for (PendingAppend a : batch) {
            boxes.putIfAbsent(a.mailboxId(), null);
        }
        for (Long id : new ArrayList<>(boxes.keySet())) {
            try {
                boxes.put(id, new MailboxCounters(MailboxRow.lock(c, id)));
            } catch (StoreException e) {
                boxes.remove(id);
                missing.put(id, e);
            }
        }
        Map<String, long[]> wanted = new HashMap<>();
        for (PendingAppend a : batch) {
            MailboxCounters m = boxes.get(a.mailboxId());
            if (m != null) {
                long[] w = wanted.computeIfAbsent(m.row.account(), k -> new long[2]);
                w[0] += a.octets();
                w[1] += a.messages().size();
            }
        }
        Map<String, AccountUsage> accounts = AccountUsage.reserve(c, wanted, defaultQuota);

        List<Object> outcomes = new ArrayList<>(batch.size());
        List<PreparedContent> contents = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        List<Added> added = new ArrayList<>();
        for (PendingAppend a : batch) {
            MailboxCounters m = boxes.get(a.mailboxId());
            if (m == null) {
                outcomes.add(missing.get(a.mailboxId()));
                continue;
            }
            try {
                m.requireUidSpace(a.messages().size());
                accounts.get(m.row.account()).check(a.octets(), a.messages().size());
            } catch (StoreException e) {
                outcomes.add(e);
                continue;
            }
            long modSeq = m.nextModSeq();
            long[] uids = new long[a.messages().size()];
            for (int i = 0; i < uids.length; i++) {
                PendingAppend.Message msg = a.messages().get(i);
                uids[i] = m.uidNext++;
                rows.add(new Row(m.row.id(), uids[i], modSeq, msg));
                contents.add(msg.content());
            }
            m.messages += uids.length;
            m.octets += a.octets();
            accounts.get(m.row.account()).add(a.octets(), uids.length);
            added.add(new Added(m, modSeq, uids));
            outcomes.add(new AppendResult(m.row.uidValidity(), uids));
        }
        if (rows.isEmpty()) {
            return outcomes;
        }
        long[] contentIds = ContentWriter.insert(c, contents);
        insertMessages(c, rows, contentIds);
        logAdded(c, added);
        for (MailboxCounters m : boxes.values()) {
            m.save(c);
        }
        for (AccountUsage u : accounts.values()) {
            u.save(c);
        }
        return outcomes;
    }

    /**
     * One {@code change_log} row (and so one notification, one event) per mailbox of the batch, not per append: the
     * UIDs of every append into it, at the batch's highest MODSEQ for that mailbox, which is the mailbox's
     * HIGHESTMODSEQ after the commit. Each message keeps its own MODSEQ in its row.
     */
    private void logAdded(Connection c, List<Added> added) throws SQLException {
        Map<MailboxCounters, List<Added>> byMailbox = new LinkedHashMap<>();
        for (Added a : added) {
            byMailbox.computeIfAbsent(a.mailbox, k -> new ArrayList<>()).add(a);
        }
        for (Map.Entry<MailboxCounters, List<Added>> e : byMailbox.entrySet()) {
            List<Added> list = e.getValue();
            long[] uids = list.stream().flatMapToLong(a -> Arrays.stream(a.uids)).toArray();
            long modSeq = list.stream().mapToLong(Added::modSeq).max().orElseThrow();
            e.getKey().log(log, ChangeKind.ADDED, modSeq, uids);
        }
    }

    private static void insertMessages(Connection c, List<Row> rows, long[] contentIds) throws SQLException {
        // the save date (RFC 8514) is the node's clock when the batch is written: every caller in the batch asked
        // before this moment
        Timestamp savedAt = Timestamp.from(Instant.now());
        try (PreparedStatement p = c.prepareStatement("INSERT INTO message (mailbox_id, uid, modseq, internal_date, "
                + "size, flags, keywords, content_id, save_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                p.setLong(1, r.mailboxId);
                p.setLong(2, r.uid);
                p.setLong(3, r.modSeq);
                p.setTimestamp(4, Timestamp.from(r.message.internalDate()));
                p.setLong(5, r.message.content().size());
                p.setInt(6, r.message.flags().systemBits());
                p.setArray(7, MessageRows.keywords(c, r.message.flags()));
                p.setLong(8, contentIds[i]);
                p.setTimestamp(9, savedAt);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private record Added(MailboxCounters mailbox, long modSeq, long[] uids) {
    }

    private record Row(long mailboxId, long uid, long modSeq, PendingAppend.Message message) {
    }
}
