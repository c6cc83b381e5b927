package io.serai.store.postgres.internal.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;

import io.serai.store.api.ContentSource;
import io.serai.store.api.StoreException;
import io.serai.store.postgres.internal.Database;

/** Queue entries' bytes in 256 KiB chunks: written from a stream, read back lazily, freed when unreferenced. */
final class QueueContent {
    static final int CHUNK = 256 << 10;
    private static final int CHUNKS_PER_BATCH = 8;

    private QueueContent() {
    }

    /** Streams {@code source} into a new content row in the caller's transaction; returns its id and size. */
    static long[] write(Connection c, ContentSource source) throws SQLException, StoreException {
        long id;
        try (PreparedStatement p = c.prepareStatement("INSERT INTO queue_content (size) VALUES (0) RETURNING id");
             ResultSet rs = p.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
        }
        long size = 0;
        try (InputStream in = source.open();
             PreparedStatement p = c.prepareStatement("INSERT INTO queue_chunk (content_id, seq, data) VALUES (?, ?, ?)")) {
            int seq = 0;
            int pending = 0;
            for (byte[] chunk = in.readNBytes(CHUNK); chunk.length > 0; chunk = in.readNBytes(CHUNK)) {
                p.setLong(1, id);
                p.setInt(2, seq++);
                p.setBytes(3, chunk);
                p.addBatch();
                size += chunk.length;
                if (++pending == CHUNKS_PER_BATCH) {
                    p.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                p.executeBatch();
            }
        } catch (IOException e) {
            throw new StoreException("reading the content to queue failed", e);
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE queue_content SET size = ? WHERE id = ?")) {
            p.setLong(1, size);
            p.setLong(2, id);
            p.executeUpdate();
        }
        return new long[] {id, size};
    }

    /** Deletes the content if no entry refers to it any more. */
    static void collect(Connection c, long id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM queue_content WHERE id = ? "
                + "AND NOT EXISTS (SELECT 1 FROM queue_entry WHERE content_id = ?)")) {
            p.setLong(1, id);
            p.setLong(2, id);
            p.executeUpdate();
        }
    }

    static InputStream open(Database db, long id) {
        return new ChunkStream(db, id);
    }

    /** Reads chunks a few at a time as the reader gets to them. */
    private static final class ChunkStream extends InputStream {
        private final Database db;
        private final long id;
        private final Deque<byte[]> chunks = new ArrayDeque<>();
        private int next;
        private boolean end;
        private byte[] current = new byte[0];
        private int pos;

        ChunkStream(Database db, long id) {
            this.db = db;
            this.id = id;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (pos == current.length) {
                if (chunks.isEmpty() && !fetch()) {
                    return -1;
                }
                current = chunks.poll();
                pos = 0;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }

        private boolean fetch() throws IOException {
            if (end) {
                return false;
            }
            try {
                db.read(c -> {
                    try (PreparedStatement p = c.prepareStatement("SELECT data FROM queue_chunk WHERE content_id = ? "
                            + "AND seq >= ? AND seq < ? ORDER BY seq")) {
                        p.setLong(1, id);
                        p.setInt(2, next);
                        p.setInt(3, next + CHUNKS_PER_BATCH);
                        try (ResultSet rs = p.executeQuery()) {
                            while (rs.next()) {
                                chunks.add(rs.getBytes(1));
                            }
                        }
                        return null;
                    }
                });
            } catch (StoreException e) {
                throw new IOException(e.getMessage(), e);
            }
            if (chunks.size() < CHUNKS_PER_BATCH) {
                end = true;
            }
            next += CHUNKS_PER_BATCH;
            return !chunks.isEmpty();
        }
    }
}
