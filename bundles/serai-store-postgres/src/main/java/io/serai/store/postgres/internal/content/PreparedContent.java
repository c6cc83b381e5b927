package io.serai.store.postgres.internal.content;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.serai.store.api.mime.MessageStructure;
import io.serai.store.support.mime.StructureCodec;
import io.serai.store.support.mime.StructureParser;
import io.serai.store.support.search.IndexedFields;

/**
 * A message read and parsed before its transaction, so the transaction only writes: its first bytes (up to the
 * inline limit) in memory, the whole message in a spool file when it is larger (never a byte[] of a large message),
 * the encoded structure and the header values SEARCH looks up in SQL.
 */
public final class PreparedContent implements AutoCloseable {
    private final long size;
    private final byte[] head;
    private final Path spool;
    private final byte[] structure;
    private final Map<String, String> indexed;
    private final Optional<LocalDate> sentDay;

    private PreparedContent(long size, byte[] head, Path spool, byte[] structure, Map<String, String> indexed,
                            Optional<LocalDate> sentDay) {
        this.size = size;
        this.head = head;
        this.spool = spool;
        this.structure = structure;
        this.indexed = indexed;
        this.sentDay = sentDay;
    }

    /** Reads {@code in} to its end (and closes it). */
    public static PreparedContent read(InputStream in, int inlineLimit) throws IOException {
        try (in) {
            byte[] first = in.readNBytes(inlineLimit + 1);
            if (first.length <= inlineLimit) {
                MessageStructure s = new StructureParser().parse(new ByteArrayInputStream(first));
                return of(first.length, first, null, s, headerOf(first, s, null));
            }
            Path spool = Files.createTempFile("serai-append-", ".eml");
            try {
                try (OutputStream out = Files.newOutputStream(spool)) {
                    out.write(first);
                    in.transferTo(out);
                }
                MessageStructure s;
                try (InputStream again = Files.newInputStream(spool)) {
                    s = new StructureParser().parse(again);
                }
                byte[] head = Arrays.copyOf(first, inlineLimit);
                return of(Files.size(spool), head, spool, s, headerOf(head, s, spool));
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(spool);
                throw e;
            }
        }
    }

    private static PreparedContent of(long size, byte[] head, Path spool, MessageStructure s, byte[] header) {
        Map<String, String> indexed = new LinkedHashMap<>();
        for (String field : IndexedFields.SEARCHED) {
            IndexedFields.decoded(s, header, field).ifPresent(v -> indexed.put(field, v));
        }
        return new PreparedContent(size, head, spool, StructureCodec.encode(s), indexed,
                IndexedFields.sentDay(s, header));
    }

    /** The top-level header's bytes (read back from the spool file in the rare case it is longer than the head). */
    private static byte[] headerOf(byte[] head, MessageStructure s, Path spool) throws IOException {
        int length = (int) Math.min(s.headerLength(), 1 << 20);
        if (length <= head.length || spool == null) {
            return Arrays.copyOf(head, Math.min(length, head.length));
        }
        try (InputStream in = Files.newInputStream(spool)) {
            return in.readNBytes(length);
        }
    }

    public long size() {
        return size;
    }

    public byte[] head() {
        return head;
    }

    /** The whole message as a file, or empty when {@link #head()} is all of it. */
    public Optional<Path> spool() {
        return Optional.ofNullable(spool);
    }

    public byte[] structure() {
        return structure;
    }

    /** Decoded lower-case values of the {@link IndexedFields#SEARCHED} fields present. */
    public Optional<String> indexed(String field) {
        return Optional.ofNullable(indexed.get(field));
    }

    public Optional<LocalDate> sentDay() {
        return sentDay;
    }

    @Override
    public void close() throws IOException {
        if (spool != null) {
            Files.deleteIfExists(spool);
        }
    }
}
