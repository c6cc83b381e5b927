package io.serai.store.postgres.internal.write;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.serai.store.api.AppendResult;
import io.serai.store.api.StoreException;
import io.serai.store.postgres.internal.Database;

/**
 * Group commit for small appends: callers queue their prepared append and wait; writer threads each take whatever is
 * queued (up to a batch) and write it in one transaction, so concurrent deliveries share one WAL flush instead of
 * paying one each, and each caller still returns only after its own commit. Each writer has its own queue and a
 * mailbox always goes to the same writer: a transaction locks its mailboxes' rows, so two writers on one mailbox
 * would only wait for each other, while one writer collects every append that arrives during its commit into the
 * next batch (with 8 SMTP sessions into one INBOX: 1.6 messages per transaction with a shared queue). The queues are
 * bounded, so callers slow down when the database does. Large messages do not wait here: they stream in their own
 * transaction.
 */
public final class AppendBatcher implements AutoCloseable {
    private static final int MAX_BATCH = 64;
    private static final int WRITERS = 4;
    private static final PendingAppend STOP = new PendingAppend(-1, List.of(), new CompletableFuture<>());

    private final Database db;
    private final Appender appender;
    private final List<BlockingQueue<PendingAppend>> queues = new ArrayList<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closed;

    public AppendBatcher(Database db, Appender appender, String nodeId) {
        this.db = db;
        this.appender = appender;
        for (int i = 0; i < WRITERS; i++) {
            BlockingQueue<PendingAppend> queue = new ArrayBlockingQueue<>(256);
            queues.add(queue);
            Thread t = new Thread(() -> run(queue), "serai-store-append-" + i + " " + nodeId);
            t.setDaemon(true);
            t.start();
            writers.add(t);
        }
    }

    /** Appends and waits for the commit. */
    public AppendResult append(PendingAppend pending) throws StoreException {
        if (closed) {
            throw new StoreException("the store is closed");
        }
        if (pending.large()) {
            return single(pending);
        }
        try {
            queues.get(Math.floorMod(Long.hashCode(pending.mailboxId()), WRITERS)).put(pending);
            return pending.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while appending", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("append failed", e.getCause());
        }
    }

    private AppendResult single(PendingAppend pending) throws StoreException {
        Object outcome = db.transaction(c -> appender.append(c, List.of(pending))).get(0);
        if (outcome instanceof StoreException e) {
            throw e;
        }
        return (AppendResult) outcome;
    }

    private void run(BlockingQueue<PendingAppend> queue) {
        List<PendingAppend> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            boolean stop = batch.remove(STOP);
            write(batch);
            batch.clear();
            if (stop) {
                return;
            }
        }
    }

    private void write(List<PendingAppend> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<Object> outcomes;
        try {
            outcomes = db.transaction(c -> appender.append(c, batch));
        } catch (StoreException | RuntimeException e) {
            if (batch.size() > 1) {
                // one bad request must not fail the others: write them one by one
                for (PendingAppend p : batch) {
                    write(List.of(p));
                }
            } else {
                batch.get(0).result().completeExceptionally(e);
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            Object o = outcomes.get(i);
            if (o instanceof AppendResult r) {
                batch.get(i).result().complete(r);
            } else {
                batch.get(i).result().completeExceptionally((Throwable) o);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (BlockingQueue<PendingAppend> queue : queues) {
            queue.offer(STOP);
        }
        for (Thread t : writers) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
