package io.serai.store.embedded.internal.blob;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import io.serai.store.api.ContentRegion;
import io.serai.store.api.StoreException;
import io.serai.store.embedded.ChannelOpener;
import io.serai.store.embedded.internal.Durability;

/**
 * Message bytes in append-only segment files. Each concurrent writer appends to its own segment (taken
 * from a small pool), so content streams in without a lock; the committer forces the segments of a
 * round together with the journal. A reference packs segment id and offset: {@code id << 40 | offset}.
 */
public final class BlobStore implements Closeable {
    private static final int OFFSET_BITS = 40;

    /** Parses the content while it is stored and returns the encoded metadata to keep next to it. */
    @FunctionalInterface
    public interface MetadataExtractor {
        byte[] extract(InputStream content) throws IOException;
    }

    private final Path dir;
    private final ChannelOpener opener;
    private final long segmentSize;
    private final int writers;
    private final boolean fsync;
    private final Map<Integer, BlobSegment> segments = new ConcurrentHashMap<>();
    private final ArrayDeque<BlobSegment> free = new ArrayDeque<>();
    private int active;
    private int nextId = 1;

    public BlobStore(Path dir, ChannelOpener opener, long segmentSize, int writers, boolean fsync)
            throws IOException {
        this.dir = dir;
        this.opener = opener;
        this.segmentSize = segmentSize;
        this.writers = writers;
        this.fsync = fsync;
        Files.createDirectories(dir);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".seg")).sorted().toList();
        }
        for (Path f : files) {
            String n = f.getFileName().toString();
            int id = Integer.parseInt(n.substring(0, n.length() - 4));
            FileChannel ch = opener.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE);
            BlobSegment seg = new BlobSegment(id, f, ch, ch.size());
            segments.put(id, seg);
            nextId = Math.max(nextId, id + 1);
            if (seg.end < segmentSize && active < writers) {
                seg.writable = true;
                free.add(seg);
                active++;
            }
        }
    }

    /**
     * Streams the content into a segment while {@code extractor} parses it, then stores the metadata after
     * it. On failure the segment is cut back, so nothing partial remains reachable.
     */
    public BlobWrite write(InputStream source, MetadataExtractor extractor) throws IOException {
        BlobSegment seg = take();
        long start = seg.end;
        SegmentOutput out = new SegmentOutput(seg.channel, start);
        boolean ok = false;
        try {
            TeeInputStream tee = new TeeInputStream(source, out);
            byte[] meta = extractor.extract(tee);
            tee.drain();
            if (tee.count() > Integer.MAX_VALUE - meta.length) {
                throw new StoreException("message larger than 2 GB");
            }
            out.write(meta, 0, meta.length);
            byte[] image = out.wholeIfBuffered();
            out.flush();
            seg.end = out.position();
            ok = true;
            // counted before the segment can be sealed, so compaction sees every uncommitted write
            seg.pending.incrementAndGet();
            return new BlobWrite(seg, (long) seg.id << OFFSET_BITS | start, (int) tee.count(), meta.length, out.crc(),
                    image);
        } catch (IOException e) {
            IOException sink = out.failure();
            throw sink != null ? Durability.writeFailure("storing a message", sink) : e;
        } finally {
            release(seg, ok ? -1 : start);
        }
    }

    /** The writes' commits have finished (either way): their segments may be compacted away now. */
    public void settled(Collection<BlobWrite> writes) {
        writes.forEach(w -> w.segment().pending.decrementAndGet());
    }

    /** Sealed, not yet deleted segments and their lengths. */
    public Map<Integer, Long> sealed() {
        Map<Integer, Long> out = new TreeMap<>();
        for (BlobSegment s : segments.values()) {
            if (!s.writable && !s.deleted) {
                out.put(s.id, s.end);
            }
        }
        return out;
    }

    /** Copies stored bytes (content plus structure) to a writable segment, for compaction. */
    public BlobWrite copy(long ref, int size, int metaLength) throws IOException {
        try (InputStream in = open(ref, (long) size + metaLength)) {
            return write(in, content -> {
                // the structure is copied as part of the bytes, so nothing is appended after them
                content.transferTo(OutputStream.nullOutputStream());
                return new byte[0];
            }).withSizes(size, metaLength);
        }
    }

    /**
     * Deletes a sealed segment unless an uncommitted write still points into it. The file goes now; the
     * channel stays open until {@link #closeDeleted} so readers holding an old reference can finish.
     */
    public boolean deleteIfIdle(int id) throws IOException {
        BlobSegment seg = segments.get(id);
        if (seg == null || seg.writable || seg.pending.get() > 0) {
            return false;
        }
        seg.deleted = true;
        Files.deleteIfExists(seg.path);
        return true;
    }

    /** Closes channels of segments deleted by an earlier compaction. */
    public void closeDeleted() throws IOException {
        for (BlobSegment s : List.copyOf(segments.values())) {
            if (s.deleted) {
                segments.remove(s.id);
                s.channel.close();
            }
        }
    }

    public void force(BlobSegment segment) throws IOException {
        if (fsync && !segment.deleted) {
            try {
                segment.channel.force(false);
            } catch (ClosedChannelException e) {
                if (!segment.deleted) {
                    throw e; // a segment compaction deleted meanwhile holds nothing anyone needs
                }
            }
        }
    }

    /**
     * Recovery: puts back bytes the journal holds a copy of, if the segment lost them (they were committed
     * before the segment was forced). A segment compaction has deleted is skipped: its live messages were
     * relocated, and the relocation was forced with its own commit. Returns whether anything was written.
     */
    public boolean restore(long ref, byte[] bytes) throws IOException {
        BlobSegment seg = segments.get(segmentOf(ref));
        if (seg == null) {
            return false;
        }
        CRC32C c = new CRC32C();
        c.update(bytes);
        if (matches(ref, bytes.length, (int) c.getValue())) {
            return false;
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        long at = offset(ref);
        while (buf.hasRemaining()) {
            at += seg.channel.write(buf, at);
        }
        seg.end = Math.max(seg.end, at);
        force(seg);
        return true;
    }

    /**
     * Recovery: never gives a new segment an id the journal may still name. A segment that compaction deleted
     * leaves its id free; if it was the newest, a new segment would otherwise take it, and a later recovery
     * would put the old segment's journal copies into the new one.
     */
    public synchronized void reserveIdsThrough(int id) {
        nextId = Math.max(nextId, id + 1);
    }

    /** Whether the stored bytes (content plus structure) have the CRC32C recorded for them. */
    public boolean matches(long ref, long length, int crc) {
        try {
            CRC32C c = new CRC32C();
            byte[] buf = new byte[1 << 16];
            try (InputStream in = open(ref, length)) {
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    c.update(buf, 0, n);
                }
            }
            return (int) c.getValue() == crc;
        } catch (IOException e) {
            return false; // missing segment or short file: the content never made it to disk
        }
    }

    public InputStream open(long ref, long length) throws StoreException {
        return new SegmentInputStream(segment(ref).channel, offset(ref), length);
    }

    /** A fresh channel on the segment, so a caller can hand it to a zero-copy transfer and close it. */
    public ContentRegion region(long ref, long length) throws IOException {
        BlobSegment seg = segment(ref);
        return new ContentRegion(FileChannel.open(seg.path, StandardOpenOption.READ), offset(ref), length);
    }

    public byte[] read(long ref, long skip, int length) throws IOException {
        BlobSegment seg = segment(ref);
        ByteBuffer buf = ByteBuffer.allocate(length);
        long pos = offset(ref) + skip;
        while (buf.hasRemaining()) {
            int n = seg.channel.read(buf, pos + buf.position());
            if (n < 0) {
                throw new StoreException("segment " + seg.id + " is shorter than its index says");
            }
        }
        return buf.array();
    }

    @Override
    public void close() throws IOException {
        for (BlobSegment s : segments.values()) {
            s.channel.close();
        }
    }

    private BlobSegment segment(long ref) throws StoreException {
        BlobSegment seg = segments.get((int) (ref >>> OFFSET_BITS));
        if (seg == null) {
            throw new StoreException("missing segment for reference " + Long.toHexString(ref));
        }
        return seg;
    }

    public static int segmentOf(long ref) {
        return (int) (ref >>> OFFSET_BITS);
    }

    private static long offset(long ref) {
        return ref & ((1L << OFFSET_BITS) - 1);
    }

    private synchronized BlobSegment take() throws IOException {
        while (free.isEmpty() && active >= writers) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("interrupted waiting for a segment");
            }
        }
        if (!free.isEmpty()) {
            return free.poll();
        }
        int id = nextId++;
        Path p = dir.resolve(String.format("%08d.seg", id));
        FileChannel ch;
        try {
            ch = opener.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
            if (fsync) {
                Durability.forceDirectory(dir);
            }
        } catch (IOException e) {
            Files.deleteIfExists(p);
            throw Durability.writeFailure("creating a segment", e);
        }
        BlobSegment seg = new BlobSegment(id, p, ch, 0);
        seg.writable = true;
        segments.put(id, seg);
        active++;
        return seg;
    }

    /** Returns a segment to the pool, first cutting it back to {@code truncateTo} if that is not -1. */
    private synchronized void release(BlobSegment seg, long truncateTo) {
        boolean usable = true;
        if (truncateTo >= 0) {
            try {
                seg.channel.truncate(truncateTo);
                seg.end = truncateTo;
            } catch (IOException e) {
                // leave the garbage where it is: no record points at it; just stop appending here
                usable = false;
            }
        }
        if (usable && seg.end < segmentSize) {
            free.add(seg);
        } else {
            seg.writable = false;
            active--;
        }
        notifyAll();
    }
}
