package io.serai.store.embedded.internal.snapshot;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

import io.serai.store.embedded.internal.Durability;
import io.serai.store.embedded.internal.state.StoreState;

/**
 * Snapshots of the whole state taken when a new journal file starts (when one is due, see StoreImpl), so opening
 * replays only the journal
 * files after the newest snapshot and older files can be deleted. The two newest snapshots are kept: if the
 * newest one is damaged, the older one and the journal files after it still rebuild everything.
 */
public final class Snapshots {
    private static final long MAGIC = 0x5345524149534e50L; // "SERAISNP"
    /** 2: each mailbox ends with its expunge log; a version 1 snapshot is read with none (everything unknown). */
    /** 3: each message row carries its save date (RFC 8514); rows of older snapshots have none (unknown). */
    private static final int VERSION = 3;
    private static final int KEEP = 2;

    private final Path dir;
    private final boolean fsync;

    public Snapshots(Path dir, boolean fsync) throws IOException {
        this.dir = dir;
        this.fsync = fsync;
        Files.createDirectories(dir);
    }

    /** Loads the newest intact snapshot into the empty {@code state}; returns the journal file to replay from. */
    public long load(StoreState state) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path tmp : s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()) {
                Files.delete(tmp); // a snapshot a crash interrupted
            }
        }
        for (Path f : snapshots()) {
            if (intact(f)) {
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f), 1 << 16))) {
                    in.readLong();
                    int version = in.readInt();
                    if (version > VERSION) {
                        throw new IOException("snapshot " + f + " has version " + version
                                + ", newer than this store reads (" + VERSION + ")");
                    }
                    long firstFile = in.readLong();
                    StateCodec.read(state, in, version);
                    return firstFile;
                }
            }
        }
        return 1;
    }

    /** Writes a snapshot of {@code state}, which must be exactly the journal up to file {@code firstFile}. */
    public void write(StoreState state, long firstFile) throws IOException {
        Path tmp = dir.resolve(String.format("%012d.tmp", firstFile));
        Path target = dir.resolve(String.format("%012d.snap", firstFile));
        CRC32C crc = new CRC32C();
        try (OutputStream file = Files.newOutputStream(tmp);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new CheckedOutputStream(file, crc),
                     1 << 16))) {
            out.writeLong(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(firstFile);
            StateCodec.write(state, out);
            out.flush();
            int sum = (int) crc.getValue();
            file.write(new byte[] {(byte) (sum >>> 24), (byte) (sum >>> 16), (byte) (sum >>> 8), (byte) sum});
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        if (fsync) {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        if (fsync) {
            Durability.forceDirectory(dir);
        }
        List<Path> all = snapshots();
        for (int i = KEEP; i < all.size(); i++) {
            Files.delete(all.get(i));
        }
    }

    /** The journal file a snapshot starts from, and the snapshot's size. */
    public record Newest(long firstFile, long bytes) {
    }

    /** The newest snapshot; journal file 1 and no bytes when there is none. */
    public Newest newest() throws IOException {
        List<Path> all = snapshots();
        return all.isEmpty() ? new Newest(1, 0) : new Newest(numberOf(all.get(0)), Files.size(all.get(0)));
    }

    /** The journal file the oldest kept snapshot starts from; earlier files are no longer needed. */
    public long oldestNeededJournalFile() throws IOException {
        List<Path> all = snapshots();
        // with a single snapshot, its fallback is the journal from the very beginning
        return all.size() < KEEP ? 1 : numberOf(all.get(all.size() - 1));
    }

    private List<Path> snapshots() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".snap"))
                    .sorted(Comparator.comparing(Path::getFileName).reversed()).toList();
        }
    }

    private static boolean intact(Path f) throws IOException {
        long size = Files.size(f);
        if (size < 24) {
            return false;
        }
        CRC32C crc = new CRC32C();
        try (InputStream in = new CheckedInputStream(new BufferedInputStream(Files.newInputStream(f), 1 << 16), crc)) {
            byte[] buf = new byte[1 << 16];
            for (long left = size - 4; left > 0; ) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    return false;
                }
                left -= n;
            }
            int computed = (int) crc.getValue(); // before the trailer itself passes through the checksum
            int stored = (in.read() << 24) | (in.read() << 16) | (in.read() << 8) | in.read();
            return stored == computed;
        }
    }

    private static long numberOf(Path f) {
        String n = f.getFileName().toString();
        return Long.parseLong(n.substring(0, n.indexOf('.')));
    }
}
