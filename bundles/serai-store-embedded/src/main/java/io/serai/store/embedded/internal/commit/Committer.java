package io.serai.store.embedded.internal.commit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.serai.store.api.StoreException;
import io.serai.store.api.event.StoreEvent;
import io.serai.store.embedded.internal.Durability;
import io.serai.store.embedded.internal.blob.BlobSegment;
import io.serai.store.support.event.EventDispatcher;
import io.serai.store.embedded.internal.journal.Journal;
import io.serai.store.embedded.internal.journal.JournalRecord;
import io.serai.store.embedded.internal.journal.RecordCodec;
import io.serai.store.embedded.internal.state.StoreState;

/**
 * The single writer. It takes every command queued since its last round (group commit), decides and
 * applies each command under the write locks of what it touches, writes all records with one write, forces
 * the journal and the content segments of the round together, and only then releases the locks, completes
 * the callers and publishes events. Readers therefore never see a change that is not durable. Content whose
 * copy is in the journal ({@link Command#journaledSegments()}) is not forced with its round but before the
 * next journal rotation, after which the file with the copy may be deleted.
 *
 * <p>One round at a time, under {@link #writer}: usually on the committer thread, but a caller that finds no round
 * in progress commits its command (with whatever else is queued) on its own thread. On a lightly loaded store that
 * saves two thread hand-offs per command (to the committer and back), each a wake-up of a parked thread; under
 * load the caller finds a round in progress, queues, and its command goes into the next group commit as before.
 * The journal survives an interrupt of such a caller during its I/O ({@code Journal} reopens its file).
 */
public final class Committer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Committer.class.getName());
    private static final int MAX_BATCH = 4096;
    private static final Pending<?> STOP = new Pending<>(null);

    private final StoreState state;
    private final Journal journal;
    private final EventDispatcher events;
    private final SegmentForcer forcer;
    private final RotationHook rotationHook;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    /**
     * Segments with committed content whose copy is in the current journal file only (see
     * {@link Command#journaledSegments()}); forced before that file can go. Under {@link #writer} only.
     */
    private final Set<BlobSegment> unforced = new LinkedHashSet<>();
    private final Thread thread;
    /** Held by whichever thread commits a round; guards the journal, the forcer and {@link #unforced}. */
    private final ReentrantLock writer = new ReentrantLock();
    private volatile StoreException failure;
    private volatile boolean closed;

    public Committer(StoreState state, Journal journal, SegmentForcer forcer, RotationHook rotationHook,
                     EventDispatcher events, String name) {
        this.state = state;
        this.journal = journal;
        this.events = events;
        this.forcer = forcer;
        this.rotationHook = rotationHook;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Runs the command and returns once its records are durable. */
    public <T> T execute(Command<T> command) throws StoreException {
        if (Thread.currentThread() == thread || writer.isHeldByCurrentThread()) {
            throw new IllegalStateException("re-entrant commit");
        }
        Pending<T> p = new Pending<>(command);
        if (!commitHere(p)) {
            synchronized (this) {
                if (closed) {
                    throw new StoreException("store is closed");
                }
                queue.add(p);
            }
        }
        try {
            return p.future.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("commit failed", c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // the command may still commit; the caller just stops waiting
            throw new StoreException("interrupted while waiting for commit");
        }
    }

    /**
     * Commits {@code p}, and what is queued, on the calling thread if no round is in progress; false (nothing done)
     * if one is, if the store is closing, or if the caller is already interrupted (its file I/O would fail at once).
     */
    private boolean commitHere(Pending<?> p) {
        if (Thread.currentThread().isInterrupted() || !writer.tryLock()) {
            return false;
        }
        try {
            synchronized (this) {
                if (closed) {
                    return false; // the caller reports it; close() has queued STOP for the committer thread
                }
            }
            List<Pending<?>> batch = new ArrayList<>();
            batch.add(p);
            queue.drainTo(batch, MAX_BATCH);
            boolean stop = batch.remove(STOP);
            commitSafely(batch);
            if (stop) {
                queue.add(STOP); // close() raced with this round: the committer thread still has to end
            }
            return true;
        } finally {
            writer.unlock();
        }
    }

    @Override
    public void close() throws StoreException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Pending<?>> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue;
            }
            writer.lock();
            boolean stop;
            try {
                queue.drainTo(batch, MAX_BATCH);
                stop = batch.remove(STOP);
                commitSafely(batch);
                if (stop) {
                    // close() enqueues STOP after the last accepted command, so nothing is left behind
                    forceUnforcedOnClose();
                }
            } finally {
                writer.unlock();
            }
            batch.clear();
            if (stop) {
                return;
            }
        }
    }

    private void commitSafely(List<Pending<?>> batch) {
        try {
            commit(batch);
        } catch (RuntimeException | Error e) {
            // never let a round die silently: its callers would wait forever
            fail(batch, e instanceof RuntimeException re ? re : new IllegalStateException(e));
        }
    }

    private void commit(List<Pending<?>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        if (failure != null) {
            batch.forEach(p -> p.future.completeExceptionally(failure));
            return;
        }
        CommitRound round = new CommitRound();
        try {
            for (Pending<?> p : batch) {
                if (stage(p, round)) {
                    round.decided.add(p);
                }
            }
            if (round.hasFrames()) {
                sync(round);
            }
        } catch (IOException | RuntimeException e) {
            fail(batch, e);
            return;
        } finally {
            round.locked.forEach(l -> l.writeLock().unlock());
        }
        // queue the events before waking the callers: a listener registered after a call returns must not
        // receive that call's events (publishing only enqueues, it never runs a listener here)
        events.publish(round.events);
        round.decided.forEach(p -> ((Pending<?>) p).complete());
    }

    /**
     * Makes the round durable with a single wait: the journal and the segments holding the round's content
     * are forced in parallel. Recovery checks the content of the last round against the CRCs in its
     * records, because here the journal may reach the disk before the content does.
     */
    private void sync(CommitRound round) throws IOException {
        journal.write(ByteBuffer.wrap(round.sealedFrames()));
        forcer.forceAll(round.segments, journal::force);
        round.clearFrames();
    }

    /** Decides one command and applies it; false if it was rejected (its caller already knows). */
    private boolean stage(Pending<?> p, CommitRound round) throws IOException {
        Decision<?> d;
        List<byte[]> encoded = new ArrayList<>();
        int size = 0;
        try {
            d = p.command.decide(state);
            for (JournalRecord r : d.records()) {
                byte[] f = RecordCodec.frame(r);
                encoded.add(f);
                size += f.length;
            }
            if (size > journal.fileSize() / 2) {
                throw new StoreException("operation too large for one journal record; split it");
            }
            if (round.frameBytes() + size + CommitRound.END_BYTES > journal.remaining()) {
                // what this round has so far becomes a complete round in the old file, then a new file starts
                if (round.hasFrames()) {
                    sync(round);
                }
                // the old file may be deleted after the snapshot this rotation starts: its copies must be
                // on disk in their segments first
                forcer.forceAll(unforced, () -> { });
                unforced.clear();
                try {
                    journal.rotate();
                } catch (IOException e) {
                    throw Durability.writeFailure("starting a journal file", e);
                }
                // state now equals exactly the journal before the new file
                rotationHook.rotated(journal.number());
            }
        } catch (StoreException e) {
            p.future.completeExceptionally(e);
            return false;
        } catch (RuntimeException e) {
            // a bad request (or a bug) in decide changed nothing, so only this command fails
            p.future.completeExceptionally(new StoreException("rejected: " + e.getMessage(), e));
            return false;
        }
        for (JournalRecord r : d.records()) {
            for (ReentrantReadWriteLock l : r.locks(state)) {
                if (round.locked.add(l)) {
                    l.writeLock().lock();
                }
            }
            r.apply(state, round.events);
        }
        round.addFrames(encoded, p.command.segments());
        unforced.addAll(p.command.journaledSegments());
        p.result = d.result();
        return true;
    }

    /** A clean close leaves the segments complete; if this fails, the journal still has the copies. */
    private void forceUnforcedOnClose() {
        try {
            forcer.forceAll(unforced, () -> { });
            unforced.clear();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "forcing message segments at close failed; recovery restores them from the journal",
                    e);
        }
    }

    /**
     * A failed write or fsync leaves the outcome on disk unknown (and after a failed fsync the kernel may
     * have dropped the dirty pages), so the store stops accepting changes; reopening recovers from the journal.
     */
    private void fail(List<Pending<?>> batch, Exception e) {
        StoreException se = e instanceof IOException io ? Durability.writeFailure("committing", io)
                : new StoreException("commit failed", e);
        failure = new StoreException("store stopped after a failed commit; reopen it", se);
        // completing an already rejected command again is a no-op
        batch.forEach(p -> p.future.completeExceptionally(se));
    }

    /** Called by the thread committing a round right after a new journal file starts, with nothing else in flight. */
    @FunctionalInterface
    public interface RotationHook {
        void rotated(long newFile);
    }

    private static final class Pending<T> {
        final Command<T> command;
        final CompletableFuture<T> future = new CompletableFuture<>();
        Object result;

        Pending(Command<T> command) {
            this.command = command;
        }

        @SuppressWarnings("unchecked")
        void complete() {
            future.complete((T) result);
        }
    }
}
