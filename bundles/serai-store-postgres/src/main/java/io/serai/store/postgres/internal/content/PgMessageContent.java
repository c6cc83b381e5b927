package io.serai.store.postgres.internal.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import io.serai.store.api.ContentRegion;
import io.serai.store.api.MessageContent;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.mime.MessageStructure;
import io.serai.store.support.mime.StructureCodec;

/** A stored message read from the database; nothing is fetched until it is asked for. */
public final class PgMessageContent implements MessageContent {
    private final MessageMeta meta;
    private final long contentId;
    private final ContentReader reader;
    /** The FETCH's batch this content's row is read through, or null to read it alone (through the cache). */
    private final ContentBatch batch;

    public PgMessageContent(MessageMeta meta, long contentId, ContentReader reader) {
        this(meta, contentId, reader, null);
    }

    public PgMessageContent(MessageMeta meta, long contentId, ContentReader reader, ContentBatch batch) {
        this.meta = meta;
        this.contentId = contentId;
        this.reader = reader;
        this.batch = batch;
    }

    private ContentCache.Entry entry() throws IOException {
        return batch != null ? batch.entry(contentId) : reader.io(contentId);
    }

    @Override
    public MessageMeta meta() {
        return meta;
    }

    @Override
    public InputStream openStream() throws IOException {
        return reader.open(contentId, entry());
    }

    @Override
    public boolean storedInFile() {
        return false;
    }

    /** The database is not a file: the message is spooled to a temporary file that goes away when closed. */
    @Override
    public ContentRegion openRegion() throws IOException {
        Path tmp = Files.createTempFile("serai-fetch-", ".eml");
        try {
            try (InputStream in = openStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            FileChannel ch = FileChannel.open(tmp, StandardOpenOption.READ, StandardOpenOption.DELETE_ON_CLOSE);
            return new ContentRegion(ch, 0, meta.size());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    @Override
    public MessageStructure structure() throws IOException {
        return StructureCodec.decode(entry().structure());
    }
}
