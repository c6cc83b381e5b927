package io.serai.store.postgres.internal.content;

import java.io.IOException;
import java.io.InputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import io.serai.store.api.NotFoundException;
import io.serai.store.api.StoreException;
import io.serai.store.postgres.internal.Database;

/** Reads content rows through the cache, and chunks on demand. */
public final class ContentReader {
    private static final int CHUNKS_PER_READ = 4;

    private final Database db;
    private final ContentCache cache;

    public ContentReader(Database db, ContentCache cache) {
        this.db = db;
        this.cache = cache;
    }

    /** The size, structure and head of a content row. */
    public ContentCache.Entry entry(long contentId) throws StoreException {
        ContentCache.Entry e = cache.get(contentId);
        if (e != null) {
            return e;
        }
        ContentCache.Entry loaded = db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT size, structure, head FROM content WHERE id = ?")) {
                p.setLong(1, contentId);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException("message content " + contentId + " is gone");
                    }
                    return new ContentCache.Entry(rs.getLong(1), rs.getBytes(2), rs.getBytes(3));
                }
            }
        });
        cache.put(contentId, loaded);
        return loaded;
    }

    /** A batch over these rows, in the order a FETCH will read them (see {@link ContentBatch}). */
    public ContentBatch batch(long[] contentIds, long[] sizes, int inlineLimit) {
        return new ContentBatch(db, cache, contentIds, sizes, inlineLimit);
    }

    /** The message's bytes: the head from memory, then chunks read a few at a time as the reader gets to them. */
    public InputStream open(long contentId) throws IOException {
        return open(contentId, io(contentId));
    }

    /** The same, with the content row already read. */
    public InputStream open(long contentId, ContentCache.Entry e) {
        return new ChunkedInputStream(e.head(), e.size(), ContentWriter.CHUNK, this, contentId);
    }

    public ContentCache.Entry io(long contentId) throws IOException {
        try {
            return entry(contentId);
        } catch (StoreException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Chunks {@code first .. first + CHUNKS_PER_READ - 1} (fewer at the end). */
    List<byte[]> chunks(long contentId, int first) throws IOException {
        try {
            return db.read(c -> {
                try (PreparedStatement p = c.prepareStatement("SELECT data FROM content_chunk "
                        + "WHERE content_id = ? AND seq >= ? AND seq < ? ORDER BY seq")) {
                    p.setLong(1, contentId);
                    p.setInt(2, first);
                    p.setInt(3, first + CHUNKS_PER_READ);
                    List<byte[]> out = new ArrayList<>(CHUNKS_PER_READ);
                    try (ResultSet rs = p.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getBytes(1));
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
