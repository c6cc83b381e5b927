package io.serai.store.transfer.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.Flags;
import io.serai.store.api.Mailbox;
import io.serai.store.api.StoreException;

/**
 * Appends messages in batches with {@code Mailbox.appendAll}, one durable commit per batch instead of one per
 * message. A batch is all or nothing, so when a source file fails to read the batch is retried message by
 * message: the bad file is skipped with its reason and the others go in. A failure of the store itself
 * (quota, disk full, I/O) stops the run by propagating.
 */
public final class BatchAppender {
    private final int batchSize;
    private final ResultCollector result;
    private final List<Pending> pending = new ArrayList<>();
    private Mailbox mailbox;
    private String mailboxName;

    private record Pending(String source, TrackedSource content, Instant date, Flags flags) {
        AppendRequest request() {
            return new AppendRequest(content, date, flags);
        }
    }

    public BatchAppender(int batchSize, ResultCollector result) {
        this.batchSize = batchSize;
        this.result = result;
    }

    /** Flushes what is pending for the previous mailbox, then appends to {@code target}. */
    public void target(Mailbox target, String name) throws StoreException {
        flush();
        mailbox = target;
        mailboxName = name;
    }

    public void add(String source, ContentSource content, Instant internalDate, Flags flags) throws StoreException {
        pending.add(new Pending(source, new TrackedSource(content), internalDate, flags));
        if (pending.size() >= batchSize) {
            flush();
        }
    }

    public void flush() throws StoreException {
        if (pending.isEmpty()) {
            return;
        }
        List<Pending> batch = List.copyOf(pending);
        pending.clear();
        try {
            mailbox.appendAll(batch.stream().map(Pending::request).toList());
            result.transferred(mailboxName, batch.size());
        } catch (StoreException e) {
            if (batch.stream().noneMatch(p -> p.content().failure() != null)) {
                throw e;
            }
            for (Pending p : batch) {
                appendOne(p);
            }
        }
    }

    private void appendOne(Pending p) throws StoreException {
        Pending fresh = new Pending(p.source(), new TrackedSource(p.content()), p.date(), p.flags());
        try {
            mailbox.append(fresh.request());
            result.transferred(mailboxName, 1);
        } catch (StoreException e) {
            if (fresh.content().failure() == null) {
                throw e;
            }
            result.skipped(p.source(), "cannot be read: " + Reasons.of(fresh.content().failure()));
        }
    }
}
