package io.serai.store.postgres.internal.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

import io.serai.store.api.StoreException;

/** Inserts prepared messages' content rows and chunks, inside the caller's transaction. */
public final class ContentWriter {
    /** Bytes per content_chunk row beyond the inline head. */
    public static final int CHUNK = 256 << 10;
    /** Chunks sent per JDBC batch: bounds the memory a large message takes while it is written. */
    private static final int CHUNKS_PER_BATCH = 8;

    private ContentWriter() {
    }

    /** Writes each content once and returns their ids, in order. */
    public static long[] insert(Connection c, List<PreparedContent> contents) throws SQLException, StoreException {
        long[] ids = allocate(c, contents.size());
        try (PreparedStatement p = c.prepareStatement("INSERT INTO content (id, size, structure, head, chunk_size, "
                + "hdr_from, hdr_to, hdr_cc, hdr_bcc, hdr_subject, sent_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < ids.length; i++) {
                PreparedContent pc = contents.get(i);
                p.setLong(1, ids[i]);
                p.setLong(2, pc.size());
                p.setBytes(3, pc.structure());
                p.setBytes(4, pc.head());
                p.setInt(5, CHUNK);
                int k = 6;
                for (String field : new String[] {"from", "to", "cc", "bcc", "subject"}) {
                    p.setString(k++, pc.indexed(field).orElse(null));
                }
                if (pc.sentDay().isPresent()) {
                    p.setDate(11, Date.valueOf(pc.sentDay().get()));
                } else {
                    p.setNull(11, Types.DATE);
                }
                p.addBatch();
            }
            p.executeBatch();
        }
        for (int i = 0; i < ids.length; i++) {
            if (contents.get(i).spool().isPresent()) {
                writeChunks(c, ids[i], contents.get(i));
            }
        }
        return ids;
    }

    private static long[] allocate(Connection c, int count) throws SQLException {
        long[] ids = new long[count];
        try (PreparedStatement p = c.prepareStatement(
                "SELECT nextval('content_id_seq') FROM generate_series(1, ?)")) {
            p.setInt(1, count);
            try (ResultSet rs = p.executeQuery()) {
                for (int i = 0; i < count && rs.next(); i++) {
                    ids[i] = rs.getLong(1);
                }
            }
        }
        return ids;
    }

    private static void writeChunks(Connection c, long id, PreparedContent pc) throws SQLException, StoreException {
        try (InputStream in = Files.newInputStream(pc.spool().orElseThrow());
             PreparedStatement p = c.prepareStatement(
                     "INSERT INTO content_chunk (content_id, seq, data) VALUES (?, ?, ?)")) {
            in.skipNBytes(pc.head().length);
            int seq = 0;
            int pending = 0;
            for (byte[] chunk = in.readNBytes(CHUNK); chunk.length > 0; chunk = in.readNBytes(CHUNK)) {
                p.setLong(1, id);
                p.setInt(2, seq++);
                p.setBytes(3, chunk);
                p.addBatch();
                if (++pending == CHUNKS_PER_BATCH) {
                    p.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                p.executeBatch();
            }
        } catch (IOException e) {
            throw new StoreException("reading the spooled message failed", e);
        }
    }

    /** Deletes content no message refers to any more (after an expunge or a mailbox deletion). */
    public static void collect(Connection c, long[] contentIds) throws SQLException {
        if (contentIds.length == 0) {
            return;
        }
        try (PreparedStatement p = c.prepareStatement("DELETE FROM content WHERE id = ANY (?) "
                + "AND NOT EXISTS (SELECT 1 FROM message m WHERE m.content_id = content.id)")) {
            p.setArray(1, c.createArrayOf("bigint", java.util.Arrays.stream(contentIds).boxed().toArray()));
            p.executeUpdate();
        }
    }
}
