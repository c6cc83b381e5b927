package io.serai.store.embedded.internal.journal;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import io.serai.store.api.StoreException;
import io.serai.store.embedded.ChannelOpener;
import io.serai.store.embedded.internal.Durability;

/**
 * The shared write-ahead journal: numbered files of a fixed size, preallocated with zeros so that
 * appending a record can never hit a full disk halfway (only creating the next file can, and that is
 * reported before any state changes). One thread writes at a time: the one committing a round (the committer
 * thread, or a caller committing in its place). A caller may be interrupted during the write or the force; since
 * an interrupt closes a {@link FileChannel}, the file is then reopened and the operation done again, with the
 * interrupt held back until it is done, so an interrupt never stops the store.
 */
public final class Journal implements Closeable {
    private static final int ZERO_CHUNK = 1 << 20;
    /** The next file, zero-filled ahead of time; not a {@code .jnl} name, so recovery never reads it. */
    private static final String PREPARED = "next.jnl.tmp";

    private final Path dir;
    private final ChannelOpener opener;
    private final long fileSize;
    private final boolean fsync;
    private FileChannel current;
    private long number;
    private long position;
    /**
     * Zero-fills the next file while this one is written: a rotation then costs a rename instead of writing
     * and forcing a whole file while every commit waits (about 45 ms for 64 MB here).
     */
    private final ExecutorService preparer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "serai-store-journal");
        t.setDaemon(true);
        return t;
    });
    private Future<FileChannel> prepared;

    private Journal(Path dir, ChannelOpener opener, long fileSize, boolean fsync) {
        this.dir = dir;
        this.opener = opener;
        this.fileSize = fileSize;
        this.fsync = fsync;
    }

    /** Tells whether the content a round refers to reached the disk (the round was forced in parallel). */
    @FunctionalInterface
    public interface RoundCheck {
        boolean durable(List<JournalRecord> round);
    }

    /**
     * Opens the journal from file {@code firstFile} on, feeding the records of every durable round to
     * {@code replay}, and repairs a torn tail. Only complete rounds count; the very last one must also pass
     * {@code lastRound}.
     */
    public static Journal open(Path dir, ChannelOpener opener, long fileSize, boolean fsync, long firstFile,
                               Consumer<JournalRecord> replay, RoundCheck lastRound) throws IOException {
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(PREPARED)); // prepared before a crash: a new one is made below
        Journal j = new Journal(dir, opener, fileSize, fsync);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".jnl")).sorted().toList();
        }
        // files before the snapshot's starting file are already in the snapshot
        files = files.stream().filter(f -> numberOf(f) >= firstFile).toList();
        if (!files.isEmpty() && numberOf(files.get(0)) != firstFile) {
            throw new StoreException("journal files from " + firstFile + " to " + numberOf(files.get(0))
                    + " are missing; the store cannot be rebuilt completely");
        }
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            boolean last = i == files.size() - 1;
            long end = scan(f, replay, last ? lastRound : round -> true);
            if (last) {
                j.number = numberOf(f);
                j.current = opener.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE);
                j.position = end;
                j.zeroTail();
            } else if (end < Files.size(f) && !allZero(f, end)) {
                // rotation forces a file before the next one exists, so this is damage, not a crash
                throw new StoreException("journal file " + f + " is corrupt at offset " + end);
            }
        }
        if (j.current == null) {
            j.number = firstFile - 1;
            j.rotate();
        } else {
            j.prepareNext();
        }
        return j;
    }

    /** Number of the file being written; a snapshot taken right after a rotation starts here. */
    public long number() {
        return number;
    }

    /** Deletes files a snapshot has made unnecessary. */
    public void deleteBefore(long firstFile) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".jnl")).toList()) {
                if (numberOf(f) < firstFile) {
                    Files.delete(f);
                }
            }
        }
    }

    public long remaining() {
        return fileSize - position;
    }

    public long fileSize() {
        return fileSize;
    }

    public void write(ByteBuffer frames) throws IOException {
        long start = position;
        int from = frames.position();
        try {
            writeFully(frames);
        } catch (ClosedByInterruptException e) {
            // positional writes: the same bytes at the same offsets again
            position = start;
            frames.position(from);
            afterInterrupt(() -> writeFully(frames));
        }
    }

    private void writeFully(ByteBuffer frames) throws IOException {
        while (frames.hasRemaining()) {
            position += current.write(frames, position);
        }
    }

    public void force() throws IOException {
        if (fsync) {
            try {
                current.force(false);
            } catch (ClosedByInterruptException e) {
                // fsync is per file, not per descriptor: forcing the reopened file forces what the old one wrote
                afterInterrupt(() -> current.force(false));
            }
        }
    }

    /** The interrupt closed the current file's channel: reopen the file and redo {@code action} uninterrupted. */
    private void afterInterrupt(IoOperation action) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            current = opener.open(dir.resolve(fileName(number)), StandardOpenOption.READ, StandardOpenOption.WRITE);
            action.run();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @FunctionalInterface
    private interface IoOperation {
        void run() throws IOException;
    }

    private static String fileName(long number) {
        return String.format("%012d.jnl", number);
    }

    /** Closes the current file (forced) and switches to a new preallocated one. */
    public void rotate() throws IOException {
        Path next = dir.resolve(fileName(number + 1));
        FileChannel ch = takePrepared(next);
        if (ch == null) {
            ch = createZeroed(next); // nothing prepared, or preparing failed: a full disk is reported here
        }
        if (fsync) {
            Durability.forceDirectory(dir);
        }
        if (current != null) {
            force();
            current.close();
        }
        current = ch;
        number++;
        position = 0;
        prepareNext();
    }

    private FileChannel createZeroed(Path file) throws IOException {
        FileChannel ch = null;
        try {
            ch = opener.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            ByteBuffer zeros = ByteBuffer.allocateDirect(ZERO_CHUNK);
            for (long at = 0; at < fileSize; ) {
                zeros.clear().limit((int) Math.min(ZERO_CHUNK, fileSize - at));
                at += ch.write(zeros, at);
            }
            if (fsync) {
                ch.force(true);
            }
            return ch;
        } catch (IOException e) {
            if (ch != null) {
                ch.close();
            }
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private void prepareNext() {
        Path file = dir.resolve(PREPARED);
        prepared = preparer.submit(() -> createZeroed(file));
    }

    /** The prepared file renamed to {@code target}, or null if there is none (or preparing it failed). */
    private FileChannel takePrepared(Path target) throws IOException {
        Future<FileChannel> f = prepared;
        prepared = null;
        if (f == null) {
            return null;
        }
        FileChannel ch;
        boolean interrupted = false;
        try {
            // uninterruptibly: the round of everyone queued behind this rotation waits for it, not only the caller's
            while (true) {
                try {
                    ch = f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            return null;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.move(dir.resolve(PREPARED), target, StandardCopyOption.ATOMIC_MOVE);
            return ch;
        } catch (IOException e) {
            ch.close();
            Files.deleteIfExists(dir.resolve(PREPARED));
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        preparer.shutdown();
        if (prepared != null) {
            try {
                prepared.get().close();
            } catch (ExecutionException e) {
                // nothing was prepared; nothing to close
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Files.deleteIfExists(dir.resolve(PREPARED));
            prepared = null;
        }
        if (current != null) {
            force();
            current.close();
        }
    }

    /**
     * Replays one file round by round and returns the offset after the last round that counts. A round is
     * held back until the next one starts (which proves it was forced) or the file ends (then it is checked).
     */
    private static long scan(Path file, Consumer<JournalRecord> replay, RoundCheck lastRound) throws IOException {
        List<JournalRecord> round = new ArrayList<>();
        List<JournalRecord> held = null;
        long roundStart = 0;
        long heldStart = 0;
        long size = Files.size(file);
        long pos = 0;
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            while (pos + RecordCodec.HEADER <= size) {
                int length = in.readInt();
                int crc = in.readInt();
                if (length <= 0 || length > size - pos - RecordCodec.HEADER) {
                    break;
                }
                byte[] body = new byte[length];
                in.readFully(body);
                CRC32C c = new CRC32C();
                c.update(body);
                if ((int) c.getValue() != crc) {
                    break;
                }
                pos += RecordCodec.HEADER + length;
                JournalRecord r = RecordCodec.decode(body);
                if (r instanceof RoundEnd) {
                    if (held != null) {
                        held.forEach(replay);
                    }
                    held = round;
                    heldStart = roundStart;
                    round = new ArrayList<>();
                    roundStart = pos;
                } else {
                    round.add(r);
                }
            }
        } catch (EOFException e) {
            // a frame cut short: the round it belongs to is incomplete and dropped below
        }
        if (held == null) {
            return 0;
        }
        if (!lastRound.durable(held)) {
            // never acknowledged: its records were only waiting for this content
            return heldStart;
        }
        held.forEach(replay);
        return roundStart;
    }

    /**
     * Zeroes whatever a crash left after the last valid frame, so it can never be mistaken for a record,
     * and finishes a preallocation the crash interrupted. Chunks that are already zero are only read.
     */
    private void zeroTail() throws IOException {
        long size = current.size();
        ByteBuffer chunk = ByteBuffer.allocateDirect(ZERO_CHUNK);
        ByteBuffer zeros = ByteBuffer.allocateDirect(ZERO_CHUNK);
        boolean wrote = false;
        for (long at = position; at < fileSize; at += ZERO_CHUNK) {
            int len = (int) Math.min(ZERO_CHUNK, fileSize - at);
            chunk.clear().limit(len);
            for (long r = at; chunk.hasRemaining() && r < size; ) {
                int n = current.read(chunk, r);
                if (n < 0) {
                    break;
                }
                r += n;
            }
            if (at + len > size || !isZero(chunk.flip())) {
                zeros.clear().limit(len);
                for (long w = at; zeros.hasRemaining(); ) {
                    w += current.write(zeros, w);
                }
                wrote = true;
            }
        }
        if (wrote) {
            force();
        }
    }

    private static boolean isZero(ByteBuffer b) {
        while (b.remaining() >= 8) {
            if (b.getLong() != 0) {
                return false;
            }
        }
        while (b.hasRemaining()) {
            if (b.get() != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean allZero(Path f, long from) throws IOException {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            InputStream in = new BufferedInputStream(Channels.newInputStream(ch.position(from)));
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b != 0) {
                    return false;
                }
            }
            return true;
        }
    }

    private static long numberOf(Path f) {
        String n = f.getFileName().toString();
        return Long.parseLong(n.substring(0, n.length() - 4));
    }
}
