package io.serai.imap.protocol.literal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Decides where the octets of a literal go: a command keeps up to {@link #threshold()} literal octets in memory,
 * and a literal that would pass it goes whole to a new file of the spool directory (the literal's size is known
 * from {@code {n}} before its first octet, RFC 9051 §4.3, so no spilling half-way is needed). The same pattern as
 * serai-smtp's ThresholdSpool, which cannot know the size of DATA in advance.
 */
public final class LiteralSpool {

    private static final String PREFIX = "serai-imap-";
    private static final String SUFFIX = ".literal";
    /** The names of this spool's files, for the clean-up of what a crashed run left (a glob pattern). */
    public static final String FILE_GLOB = PREFIX + "*" + SUFFIX;

    private final long threshold;
    private final Path directory;

    /**
     * @param threshold literal octets of one command kept in memory
     * @param directory where larger literals are written; it must exist
     */
    public LiteralSpool(long threshold, Path directory) {
        if (threshold < 0) {
            throw new IllegalArgumentException("threshold must not be negative: " + threshold);
        }
        this.threshold = threshold;
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** Keeps every literal in memory (bounded by the framer's command size only): for tests and small bounds. */
    public static LiteralSpool inMemory() {
        return new LiteralSpool(Long.MAX_VALUE, Path.of(System.getProperty("java.io.tmpdir")));
    }

    public long threshold() {
        return threshold;
    }

    public Path directory() {
        return directory;
    }

    /**
     * Whether a literal of {@code size} octets goes to a file, given {@code inMemory} literal and line octets of the
     * same command already held.
     */
    public boolean spools(long inMemory, long size) {
        return size > 0 && (size > threshold || inMemory + size > threshold);
    }

    /** A new, empty spool file for one literal. */
    public SpoolWriter newWriter() throws IOException {
        return new SpoolWriter(Files.createTempFile(directory, PREFIX, SUFFIX));
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing more can be done here: a leftover in the spool directory holds no state
        }
    }
}
