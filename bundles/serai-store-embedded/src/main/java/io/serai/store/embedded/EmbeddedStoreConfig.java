package io.serai.store.embedded;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

import io.serai.store.api.QuotaLimits;

/**
 * Everything the embedded store needs, so a Config Admin component (or a test) can build one directly.
 *
 * @param dataDirectory    where the journal and the message segments live; one store per directory
 * @param fsync            {@link FsyncPolicy#ALWAYS} in production
 * @param defaultQuota     limits for accounts without their own
 * @param scramIterations  PBKDF2 iterations for new credentials (RFC 7677 asks for at least 4096)
 * @param journalFileSize  size of each preallocated journal file
 * @param segmentSize      a message segment file is closed for writing once it is this large
 * @param writerSegments   how many appends can stream content concurrently (one open segment each)
 * @param eventExecutor    runs listener callbacks; empty means a daemon pool owned by the store
 * @param channelOpener    opens the files the store writes; a hook for tests
 */
public record EmbeddedStoreConfig(Path dataDirectory, FsyncPolicy fsync, QuotaLimits defaultQuota,
                                  int scramIterations, long journalFileSize, long segmentSize, int writerSegments,
                                  Optional<Executor> eventExecutor, ChannelOpener channelOpener) {

    public EmbeddedStoreConfig {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(fsync, "fsync");
        Objects.requireNonNull(defaultQuota, "defaultQuota");
        Objects.requireNonNull(eventExecutor, "eventExecutor");
        Objects.requireNonNull(channelOpener, "channelOpener");
        if (scramIterations < 4096) {
            throw new IllegalArgumentException("scramIterations must be at least 4096");
        }
        if (journalFileSize < 4096 || segmentSize < 4096 || writerSegments < 1) {
            // tiny sizes only make sense in tests that want many rotations and snapshots
            throw new IllegalArgumentException("journal/segment sizes must be >= 4 KB and writerSegments >= 1");
        }
    }

    /** Production defaults: fsync always, no quota, 64 MB journal files, 256 MB segments, 8 writers. */
    public static EmbeddedStoreConfig defaults(Path dataDirectory) {
        return new EmbeddedStoreConfig(dataDirectory, FsyncPolicy.ALWAYS, QuotaLimits.UNLIMITED, 4096,
                64L << 20, 256L << 20, 8, Optional.empty(), ChannelOpener.DEFAULT);
    }

    public EmbeddedStoreConfig withFsync(FsyncPolicy policy) {
        return new EmbeddedStoreConfig(dataDirectory, policy, defaultQuota, scramIterations, journalFileSize,
                segmentSize, writerSegments, eventExecutor, channelOpener);
    }

    public EmbeddedStoreConfig withDefaultQuota(QuotaLimits limits) {
        return new EmbeddedStoreConfig(dataDirectory, fsync, limits, scramIterations, journalFileSize,
                segmentSize, writerSegments, eventExecutor, channelOpener);
    }

    public EmbeddedStoreConfig withFileSizes(long journalBytes, long segmentBytes) {
        return new EmbeddedStoreConfig(dataDirectory, fsync, defaultQuota, scramIterations, journalBytes,
                segmentBytes, writerSegments, eventExecutor, channelOpener);
    }

    public EmbeddedStoreConfig withEventExecutor(Executor executor) {
        return new EmbeddedStoreConfig(dataDirectory, fsync, defaultQuota, scramIterations, journalFileSize,
                segmentSize, writerSegments, Optional.of(executor), channelOpener);
    }

    public EmbeddedStoreConfig withChannelOpener(ChannelOpener opener) {
        return new EmbeddedStoreConfig(dataDirectory, fsync, defaultQuota, scramIterations, journalFileSize,
                segmentSize, writerSegments, eventExecutor, opener);
    }
}
