package io.serai.store.embedded.internal.commit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.serai.store.embedded.internal.blob.BlobSegment;
import io.serai.store.embedded.internal.blob.BlobStore;

/**
 * Forces several files at once: the disk merges concurrent flushes, so a round costs about one fsync
 * instead of one per file.
 */
public final class SegmentForcer implements AutoCloseable {
    /** An I/O step run on the calling thread while the segments are forced elsewhere. */
    @FunctionalInterface
    public interface IoAction {
        void run() throws IOException;
    }

    private final BlobStore blobs;
    private final ExecutorService pool;

    public SegmentForcer(BlobStore blobs, int threads) {
        this.blobs = blobs;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "serai-store-fsync");
            t.setDaemon(true);
            return t;
        });
    }

    public void forceAll(Collection<BlobSegment> segments, IoAction alongside) throws IOException {
        List<CompletableFuture<Void>> pending = new ArrayList<>(segments.size());
        for (BlobSegment s : segments) {
            pending.add(CompletableFuture.runAsync(() -> {
                try {
                    blobs.force(s);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, pool));
        }
        IOException first = null;
        try {
            alongside.run();
        } catch (IOException e) {
            first = e;
        }
        for (CompletableFuture<Void> f : pending) {
            try {
                f.join();
            } catch (CompletionException e) {
                if (first == null) {
                    first = e.getCause() instanceof UncheckedIOException u ? u.getCause()
                            : new IOException(e.getCause());
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
