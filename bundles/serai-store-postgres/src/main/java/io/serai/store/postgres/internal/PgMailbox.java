package io.serai.store.postgres.internal;

import java.io.IOException;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.serai.store.api.AppendRequest;
import io.serai.store.api.AppendResult;
import io.serai.store.api.FlagUpdate;
import io.serai.store.api.FlagUpdateResult;
import io.serai.store.api.Mailbox;
import io.serai.store.api.MailboxInfo;
import io.serai.store.api.MessageContent;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.NotFoundException;
import io.serai.store.api.StoreException;
import io.serai.store.api.UidMapping;
import io.serai.store.api.search.SearchKey;
import io.serai.store.postgres.internal.content.ContentBatch;
import io.serai.store.postgres.internal.content.PgMessageContent;
import io.serai.store.postgres.internal.event.ChangeKind;
import io.serai.store.postgres.internal.content.PreparedContent;
import io.serai.store.postgres.internal.write.PendingAppend;

/** A mailbox by id: reads are single queries, writes one transaction each. The handle survives renames. */
final class PgMailbox implements Mailbox {
    private final PgMailStore store;
    private final long id;
    private final String account;

    PgMailbox(PgMailStore store, long id, String account) {
        this.store = store;
        this.id = id;
        this.account = account;
    }

    @Override
    public long id() {
        return id;
    }

    String account() {
        return account;
    }

    PgMailStore store() {
        return store;
    }

    @Override
    public MailboxInfo info() throws StoreException {
        return store.db.read(c -> MailboxRow.read(c, id).info());
    }

    @Override
    public long[] uids() throws StoreException {
        return store.db.read(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT uid FROM message WHERE mailbox_id = ? ORDER BY uid")) {
                p.setLong(1, id);
                long[] out = new long[64];
                int n = 0;
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        if (n == out.length) {
                            out = java.util.Arrays.copyOf(out, n * 2);
                        }
                        out[n++] = rs.getLong(1);
                    }
                }
                if (n == 0) {
                    MailboxRow.read(c, id); // empty, or gone?
                }
                return java.util.Arrays.copyOf(out, n);
            }
        });
    }

    @Override
    public List<MessageMeta> messages() throws StoreException {
        return metas("");
    }

    @Override
    public List<MessageMeta> messages(long firstUid, long lastUid) throws StoreException {
        return metas("AND m.uid BETWEEN ? AND ?", firstUid, lastUid);
    }

    @Override
    public List<MessageMeta> changedSince(long modSeq) throws StoreException {
        return metas("AND m.modseq > ?", modSeq);
    }

    private List<MessageMeta> metas(String where, Object... params) throws StoreException {
        return store.db.read(c -> {
            List<MessageMeta> out = MessageRows.select(c, id, where, params);
            if (out.isEmpty()) {
                MailboxRow.read(c, id);
            }
            return out;
        });
    }

    @Override
    public AppendResult append(AppendRequest request) throws StoreException {
        return appendAll(List.of(request));
    }

    @Override
    public AppendResult appendAll(List<AppendRequest> requests) throws StoreException {
        if (requests.isEmpty()) {
            throw new StoreException("nothing to append");
        }
        // no look-up first: the append's transaction finds a mailbox that is gone (and SMTP pays one query less)
        List<PendingAppend.Message> messages = new ArrayList<>(requests.size());
        try {
            for (AppendRequest r : requests) {
                PreparedContent content = PreparedContent.read(r.content().open(), store.config.inlineLimit());
                messages.add(new PendingAppend.Message(content, r.internalDate(), r.flags()));
            }
            return store.batcher.append(new PendingAppend(id, messages, new java.util.concurrent.CompletableFuture<>()));
        } catch (StoreException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new StoreException("reading the message to append failed", e);
        } finally {
            for (PendingAppend.Message m : messages) {
                try {
                    m.content().close();
                } catch (IOException ignored) {
                    // a temp file left behind is removed with the temp directory
                }
            }
        }
    }

    @Override
    public MessageContent content(long uid) throws StoreException {
        return store.db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + MessageRows.COLUMNS
                    + " FROM message m WHERE m.mailbox_id = ? AND m.uid = ?")) {
                p.setLong(1, id);
                p.setLong(2, uid);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException("no message with UID " + uid);
                    }
                    return new PgMessageContent(MessageRows.meta(rs), MessageRows.contentId(rs), store.contents);
                }
            }
        });
    }

    /**
     * One query for the message rows; their content rows are then read a window at a time as the caller gets to them
     * ({@link ContentBatch}), where {@link #content} costs two round trips per message.
     */
    @Override
    public List<MessageContent> contents(long[] uids) throws StoreException {
        if (uids.length == 0) {
            return List.of();
        }
        Map<Long, Row> rows = store.db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + MessageRows.COLUMNS
                    + " FROM message m WHERE m.mailbox_id = ? AND m.uid = ANY(?)")) {
                p.setLong(1, id);
                p.setArray(2, MessageRows.longs(c, uids));
                Map<Long, Row> found = new HashMap<>(uids.length * 2);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        MessageMeta meta = MessageRows.meta(rs);
                        found.put(meta.uid(), new Row(meta, MessageRows.contentId(rs)));
                    }
                }
                return found;
            }
        });
        List<Row> ordered = new ArrayList<>(rows.size());
        for (long uid : uids) {
            Row row = rows.get(uid);
            if (row != null) {
                ordered.add(row);
            }
        }
        ContentBatch batch = store.contents.batch(ordered.stream().mapToLong(Row::contentId).toArray(),
                ordered.stream().mapToLong(r -> r.meta().size()).toArray(), store.config.inlineLimit());
        List<MessageContent> out = new ArrayList<>(ordered.size());
        for (Row r : ordered) {
            out.add(new PgMessageContent(r.meta(), r.contentId(), store.contents, batch));
        }
        return out;
    }

    /** A message row as {@link #contents} reads it. */
    private record Row(MessageMeta meta, long contentId) {
    }

    @Override
    public FlagUpdateResult updateFlags(long[] uids, FlagUpdate update) throws StoreException {
        return store.db.transaction(c -> store.messages.updateFlags(c, id, uids, update));
    }

    @Override
    public long[] expunge(long[] uids) throws StoreException {
        return store.db.transaction(c -> store.messages.expunge(c, id, uids));
    }

    @Override
    public UidMapping copyTo(long[] uids, Mailbox target) throws StoreException {
        long t = targetId(target);
        return store.db.transaction(c -> store.messages.copy(c, id, t, uids, false));
    }

    @Override
    public UidMapping moveTo(long[] uids, Mailbox target) throws StoreException {
        long t = targetId(target);
        return store.db.transaction(c -> store.messages.copy(c, id, t, uids, true));
    }

    @Override
    public long[] search(SearchKey key) throws StoreException {
        info();
        return store.search.search(id, key);
    }

    @Override
    public long claimRecent(long uidNext) throws StoreException {
        // no row changes (and no WAL, no commit flush) when nothing is new since the last claim: the common SELECT
        return store.db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE mailbox SET first_recent_uid = ?, "
                    + "recent_claimed_from = first_recent_uid WHERE id = ? AND first_recent_uid < ? "
                    + "RETURNING recent_claimed_from")) {
                p.setLong(1, uidNext);
                p.setLong(2, id);
                p.setLong(3, uidNext);
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) {
                        return rs.getLong(1);
                    }
                }
            }
            MailboxRow.read(c, id); // nothing to claim, or the mailbox is gone?
            return uidNext;
        });
    }

    @Override
    public Optional<long[]> expungedSince(long modSeq) throws StoreException {
        return store.db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT m.expunge_floor, (SELECT array_agg(DISTINCT u"
                    + " ORDER BY u) FROM change_log l, unnest(l.uids) u WHERE l.mailbox_id = m.id AND l.kind = "
                    + ChangeKind.EXPUNGED.code() + " AND l.modseq > ?) FROM mailbox m WHERE m.id = ?")) {
                p.setLong(1, modSeq);
                p.setLong(2, id);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        MailboxRow.read(c, id); // throws: the mailbox is gone
                        return Optional.<long[]>empty();
                    }
                    if (modSeq < rs.getLong(1)) {
                        return Optional.<long[]>empty(); // pruned past the client's mod-sequence
                    }
                    Array uids = rs.getArray(2);
                    if (uids == null) {
                        return Optional.of(new long[0]);
                    }
                    Long[] boxed = (Long[]) uids.getArray();
                    long[] out = new long[boxed.length];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = boxed[i];
                    }
                    return Optional.of(out);
                }
            }
        });
    }

    @Override
    public long firstUnclaimedRecentUid() throws StoreException {
        return store.db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT first_recent_uid FROM mailbox WHERE id = ?")) {
                p.setLong(1, id);
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) {
                        return rs.getLong(1);
                    }
                }
            }
            return MailboxRow.read(c, id).uidNext(); // read throws: the mailbox is gone
        });
    }

    private long targetId(Mailbox target) throws StoreException {
        if (!(target instanceof PgMailbox m) || m.store != store || !m.account.equals(account)) {
            throw new StoreException("target must be a mailbox of the same account and store");
        }
        return m.id;
    }

    @Override
    public String toString() {
        return "Mailbox[" + account + " #" + id + "]";
    }
}
