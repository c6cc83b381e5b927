package io.serai.store.embedded.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.serai.store.api.Accounts;
import io.serai.store.api.NotFoundException;
import io.serai.store.api.Mailboxes;
import io.serai.store.api.RecipientResolver;
import io.serai.store.api.StoreException;
import io.serai.store.api.event.StoreEvent;
import io.serai.store.api.event.StoreListener;
import io.serai.store.embedded.CompactionReport;
import io.serai.store.embedded.EmbeddedMailStore;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.FsyncPolicy;
import io.serai.store.support.auth.PasswordVerifier;
import io.serai.store.support.auth.ScramHasher;
import io.serai.store.embedded.internal.blob.BlobStore;
import io.serai.store.embedded.internal.commit.Command;
import io.serai.store.embedded.internal.commit.Committer;
import io.serai.store.embedded.internal.commit.SegmentForcer;
import io.serai.store.support.event.EventDispatcher;
import io.serai.store.embedded.internal.journal.ContentImage;
import io.serai.store.embedded.internal.journal.Journal;
import io.serai.store.embedded.internal.journal.JournalRecord;
import io.serai.store.embedded.internal.journal.MessageRecords;
import io.serai.store.embedded.internal.journal.Relocated;
import io.serai.store.embedded.internal.snapshot.Snapshots;
import io.serai.store.support.names.Names;
import io.serai.store.embedded.internal.state.StoreState;

/**
 * The embedded store: recovery on open, then one committer thread, a blob store and an event dispatcher.
 * Layout: {@code journal/*.jnl} (the write-ahead log), {@code snapshot/*.snap} (state at the start of a
 * journal file) and {@code blobs/*.seg} (message bytes followed by their parsed structure).
 */
public final class StoreImpl implements EmbeddedMailStore {
    private static final Logger LOG = Logger.getLogger(StoreImpl.class.getName());
    final EmbeddedStoreConfig config;
    final StoreState state = new StoreState();
    final ScramHasher hasher;
    final PasswordVerifier verifier;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Journal journal;
    final BlobStore blobs;
    /** \Recent claims of the IMAP sessions, per mailbox (memory only, see {@link RecentClaims}). */
    final RecentClaims recent = new RecentClaims();
    private final ExecutorService ownExecutor;
    private final EventDispatcher events;
    private final Committer committer;
    private final SegmentForcer forcer;
    private final Snapshots snapshots;
    private final ExecutorService snapshotWriter;
    private final AtomicBoolean snapshotRunning = new AtomicBoolean();
    /** Journal file and size of the newest snapshot written, which decide when the next one is due. */
    private volatile Snapshots.Newest newestSnapshot;
    private final AccountsImpl accounts;
    private final RecipientResolverImpl recipients;
    private final Compactor compactor;

    private StoreImpl(EmbeddedStoreConfig config, FileChannel lockChannel, FileLock lock) throws IOException {
        this.config = config;
        this.lockChannel = lockChannel;
        this.lock = lock;
        SecureRandom random = new SecureRandom();
        this.hasher = new ScramHasher(config.scramIterations(), random);
        this.verifier = new PasswordVerifier(random, 10_000);
        boolean fsync = config.fsync() == FsyncPolicy.ALWAYS;
        Path dir = config.dataDirectory();
        // content first: recovery reads it to check the journal's last round
        this.blobs = new BlobStore(dir.resolve("blobs"), config.channelOpener(), config.segmentSize(),
                config.writerSegments(), fsync);
        try {
            this.snapshots = new Snapshots(dir.resolve("snapshot"), fsync);
            long firstFile = snapshots.load(state);
            this.newestSnapshot = snapshots.newest();
            List<StoreEvent> discarded = new ArrayList<>();
            this.journal = Journal.open(dir.resolve("journal"), config.channelOpener(), config.journalFileSize(),
                    fsync, firstFile, r -> {
                        if (r instanceof ContentImage image) {
                            restore(image);
                        }
                        r.apply(state, discarded);
                        discarded.clear();
                    }, this::contentPresent);
        } catch (IOException | RuntimeException e) {
            blobs.close(); // a store that cannot be recovered must not keep its files open
            throw e;
        }
        state.mailboxes.forEach((id, m) -> recent.opened(id, m.uidNext));
        this.forcer = new SegmentForcer(blobs, config.writerSegments());
        this.ownExecutor = config.eventExecutor().isPresent() ? null : Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "serai-store-events");
            t.setDaemon(true);
            return t;
        });
        this.events = new EventDispatcher(config.eventExecutor().orElse(ownExecutor));
        this.committer = new Committer(state, journal, forcer, this::snapshot, events, "serai-store-commit");
        this.accounts = new AccountsImpl(this);
        this.recipients = new RecipientResolverImpl(state);
        this.compactor = new Compactor(this, blobs);
        this.snapshotWriter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "serai-store-snapshot");
            t.setDaemon(true);
            return t;
        });
    }

    public static StoreImpl open(EmbeddedStoreConfig config) throws StoreException {
        FileChannel ch = null;
        try {
            Files.createDirectories(config.dataDirectory());
            ch = FileChannel.open(config.dataDirectory().resolve("store.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = ch.tryLock();
            if (lock == null) {
                throw new StoreException("store " + config.dataDirectory() + " is open in another process");
            }
            return new StoreImpl(config, ch, lock);
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch);
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("cannot open store in " + config.dataDirectory(), e);
        }
    }

    @Override
    public Accounts accounts() {
        return accounts;
    }

    @Override
    public RecipientResolver recipients() {
        return recipients;
    }

    @Override
    public Mailboxes mailboxes(String account) throws StoreException {
        String a = Names.address(account);
        if (!readCatalog(() -> state.accounts.containsKey(a))) {
            throw new NotFoundException("no account " + a);
        }
        return new MailboxesImpl(this, a);
    }

    @Override
    public CompactionReport compact(double maxLiveRatio) throws StoreException {
        return compactor.compact(maxLiveRatio);
    }

    @Override
    public AutoCloseable addListener(StoreListener listener) {
        return events.add(listener);
    }

    @Override
    public java.util.Optional<io.serai.store.api.restore.StoreRestore> restore() {
        return java.util.Optional.of(new EmbeddedRestore(this));
    }

    @Override
    public void close() throws StoreException {
        committer.close();
        forcer.close();
        snapshotWriter.shutdown();
        try {
            // a snapshot being written must finish before its journal files are touched again
            snapshotWriter.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            journal.close();
            blobs.close();
            lock.release();
        } catch (IOException e) {
            throw new StoreException("closing store", e);
        } finally {
            closeQuietly(lockChannel);
            if (ownExecutor != null) {
                ownExecutor.shutdown();
            }
        }
    }

    /**
     * Runs on the committer thread at a journal rotation: copies the state (cheap) and writes it on the
     * snapshot thread, so commits pause for the copy only. If the previous snapshot is still being written,
     * this one is skipped: the journal still has everything. Failures are logged, not propagated.
     */
    private void snapshot(long newFile) {
        if (!snapshotDue(newFile) || !snapshotRunning.compareAndSet(false, true)) {
            return;
        }
        StoreState frozen = state.copy();
        snapshotWriter.execute(() -> {
            try {
                snapshots.write(frozen, newFile);
                newestSnapshot = snapshots.newest();
                journal.deleteBefore(snapshots.oldestNeededJournalFile());
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "snapshot at journal file " + newFile + " failed; the journal still has it", e);
            } finally {
                snapshotRunning.set(false);
            }
        });
    }

    /**
     * How many bytes of message copies one append may put into the journal: small enough that an append of many
     * small messages (IMAP MULTIAPPEND) still fits well within one journal file.
     */
    long imageBudget() {
        return config.journalFileSize() / 8;
    }

    /**
     * Whether the journal written since the newest snapshot is at least twice that snapshot's size. Rotations come
     * often when small messages are copied into the journal (every few thousand messages); writing the whole state
     * each time would cost a large store more than the journal itself. This way snapshots cost at most half the
     * journal's bytes, and opening replays at most about twice the state's size.
     */
    private boolean snapshotDue(long newFile) {
        Snapshots.Newest newest = newestSnapshot;
        return (newFile - newest.firstFile()) * config.journalFileSize() >= 2 * newest.bytes();
    }

    /** Recovery: a committed message whose bytes the segment lost (never forced) gets them back from the journal. */
    private void restore(ContentImage image) {
        blobs.reserveIdsThrough(BlobStore.segmentOf(image.blobRef()));
        try {
            if (blobs.restore(image.blobRef(), image.bytes())) {
                LOG.info("restored message bytes at " + Long.toHexString(image.blobRef()) + " from the journal");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(Durability.writeFailure("restoring message bytes from the journal", e));
        }
    }

    /**
     * Recovery check of the last round: every message it appends must have its bytes intact, unless the round
     * carries a copy of them, which replay writes back.
     */
    private boolean contentPresent(List<JournalRecord> round) {
        Set<Long> copied = new HashSet<>();
        for (JournalRecord r : round) {
            if (r instanceof ContentImage image) {
                copied.add(image.blobRef());
            }
        }
        for (JournalRecord r : round) {
            if (r instanceof MessageRecords.Appended a) {
                for (MessageRecords.NewMessage m : a.messages()) {
                    if (!copied.contains(m.blobRef())
                            && !blobs.matches(m.blobRef(), (long) m.size() + m.metaLength(), m.crc())) {
                        return false;
                    }
                }
            } else if (r instanceof Relocated moved) {
                for (Relocated.Move m : moved.moves()) {
                    if (!blobs.matches(m.to(), m.length(), m.crc())) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    <T> T execute(Command<T> command) throws StoreException {
        return committer.execute(command);
    }

    /** Reads catalog data without seeing a change that is not durable yet. */
    <T> T readCatalog(Supplier<T> read) {
        Lock l = state.catalogLock.readLock();
        l.lock();
        try {
            return read.get();
        } finally {
            l.unlock();
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing useful to do while failing or closing
            }
        }
    }
}
