package io.serai.store.postgres.internal.search;

import java.io.IOException;
import java.io.InputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.serai.store.api.MessageMeta;
import io.serai.store.api.StoreException;
import io.serai.store.api.mime.MessageStructure;
import io.serai.store.api.search.SearchKey;
import io.serai.store.postgres.internal.Database;
import io.serai.store.postgres.internal.MessageRows;
import io.serai.store.postgres.internal.content.ContentReader;
import io.serai.store.support.mime.StructureCodec;
import io.serai.store.support.search.SearchEvaluator;
import io.serai.store.support.search.SearchMessage;

/** SEARCH: in SQL as far as it goes, then the shared evaluator on the rows SQL could not decide. */
public final class PgSearch {
    private final Database db;
    private final ContentReader contents;

    public PgSearch(Database db, ContentReader contents) {
        this.db = db;
        this.contents = contents;
    }

    public long[] search(long mailboxId, SearchKey key) throws StoreException {
        SqlCondition condition = SqlCondition.of(key);
        List<Candidate> rows = db.read(c -> {
            // flags, dates, sizes and UIDs are in the message row: SEARCH UNSEEN does not touch content
            String from = condition.readsContent() ? " FROM message m JOIN content c ON c.id = m.content_id"
                    : " FROM message m";
            try (PreparedStatement p = c.prepareStatement("SELECT " + MessageRows.COLUMNS + from
                    + " WHERE m.mailbox_id = ? AND " + condition.sql() + " ORDER BY m.uid")) {
                p.setLong(1, mailboxId);
                for (int i = 0; i < condition.params().size(); i++) {
                    p.setObject(i + 2, condition.params().get(i));
                }
                List<Candidate> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Candidate(MessageRows.meta(rs), MessageRows.contentId(rs), contents));
                    }
                }
                return out;
            }
        });
        if (condition.exact()) {
            return rows.stream().mapToLong(r -> r.meta().uid()).toArray();
        }
        return SearchEvaluator.search(key, rows);
    }

    /** A row SQL could not decide, with its structure, header and content loaded only if a key needs them. */
    private static final class Candidate extends SearchMessage {
        private final long contentId;
        private final ContentReader contents;

        Candidate(MessageMeta meta, long contentId, ContentReader contents) {
            super(meta);
            this.contentId = contentId;
            this.contents = contents;
        }

        @Override
        protected MessageStructure loadStructure() throws IOException {
            return StructureCodec.decode(contents.io(contentId).structure());
        }

        @Override
        protected byte[] loadHeader(int length) throws IOException {
            byte[] head = contents.io(contentId).head();
            if (length <= head.length) {
                return Arrays.copyOf(head, length);
            }
            try (InputStream in = openContent()) {
                return in.readNBytes(length);
            }
        }

        @Override
        protected InputStream openContent() throws IOException {
            return contents.open(contentId);
        }
    }
}
