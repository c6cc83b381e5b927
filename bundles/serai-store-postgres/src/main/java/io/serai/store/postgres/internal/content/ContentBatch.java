package io.serai.store.postgres.internal.content;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.serai.store.api.StoreException;
import io.serai.store.postgres.internal.Database;
import io.serai.store.postgres.internal.MessageRows;

/**
 * The content rows of the messages one FETCH reads, in its order, loaded a window at a time: when a message's row is
 * first asked for, it and the next ones (up to {@link #WINDOW} rows or {@link #WINDOW_OCTETS} of heads) come in one
 * query. A FETCH of 1,000 bodies then costs about 16 round trips instead of 1,000, and memory stays at one window
 * per session however large the FETCH is. Rows found in the node's content cache are not read again; rows read here
 * go into it, as single reads do.
 */
public final class ContentBatch {
    static final int WINDOW = 64;
    static final long WINDOW_OCTETS = 2L << 20;

    private final Database db;
    private final ContentCache cache;
    private final long[] contentIds;
    private final long[] sizes;
    private final int inlineLimit;
    private final Map<Long, Integer> positions;
    private Map<Long, ContentCache.Entry> window = Map.of();

    /**
     * @param contentIds the rows in the order they will be asked for
     * @param sizes      each message's size, to bound a window's heads
     * @param inlineLimit the most octets a row's head holds
     */
    ContentBatch(Database db, ContentCache cache, long[] contentIds, long[] sizes, int inlineLimit) {
        this.db = db;
        this.cache = cache;
        this.contentIds = contentIds;
        this.sizes = sizes;
        this.inlineLimit = inlineLimit;
        this.positions = new HashMap<>(contentIds.length * 2);
        for (int i = contentIds.length - 1; i >= 0; i--) {
            positions.put(contentIds[i], i); // a row two messages share (a copy) starts its first window
        }
    }

    synchronized ContentCache.Entry entry(long contentId) throws IOException {
        ContentCache.Entry e = window.get(contentId);
        if (e == null) {
            e = cache.get(contentId);
        }
        if (e == null) {
            window = load(contentId);
            e = window.get(contentId);
            if (e == null) {
                throw new IOException("message content " + contentId + " is gone");
            }
        }
        return e;
    }

    /** {@code contentId}'s row and the rows after it in FETCH order that are not cached, up to a window. */
    private Map<Long, ContentCache.Entry> load(long contentId) throws IOException {
        List<Long> ids = new ArrayList<>(WINDOW);
        ids.add(contentId);
        Integer from = positions.get(contentId);
        long octets = from == null ? 0 : Math.min(sizes[from], inlineLimit);
        for (int i = from == null ? contentIds.length : from + 1; i < contentIds.length && ids.size() < WINDOW; i++) {
            long head = Math.min(sizes[i], inlineLimit);
            if (octets + head > WINDOW_OCTETS) {
                break;
            }
            if (cache.get(contentIds[i]) == null && !ids.contains(contentIds[i])) {
                ids.add(contentIds[i]);
                octets += head;
            }
        }
        try {
            return db.read(c -> {
                try (PreparedStatement p = c.prepareStatement(
                        "SELECT id, size, structure, head FROM content WHERE id = ANY(?)")) {
                    p.setArray(1, MessageRows.longs(c, ids.stream().mapToLong(Long::longValue).toArray()));
                    Map<Long, ContentCache.Entry> out = new HashMap<>(ids.size() * 2);
                    try (ResultSet rs = p.executeQuery()) {
                        while (rs.next()) {
                            ContentCache.Entry entry = new ContentCache.Entry(rs.getLong(2), rs.getBytes(3),
                                    rs.getBytes(4));
                            out.put(rs.getLong(1), entry);
                            cache.put(rs.getLong(1), entry);
                        }
                    }
                    return out;
                }
            });
        } catch (StoreException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
