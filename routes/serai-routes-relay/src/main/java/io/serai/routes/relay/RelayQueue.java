package io.serai.routes.relay;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.serai.routes.relay.spool.Spool;
import io.serai.routes.relay.spool.SpoolEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over the relay queue: each due message is sent to its pending recipients. Delivered recipients are
 * done. A permanent failure (5xx), or any failure once the message is older than its lifetime, is final: the
 * sender gets one DSN for those recipients and the message is kept as a dead letter for them. Temporary failures
 * are tried again after the back-off. Final outcomes are recorded before the queue entry changes, so a crash
 * in between can repeat a bounce but never lose one.
 */
final class RelayQueue {

    private static final Logger LOG = LoggerFactory.getLogger(RelayQueue.class);

    private final Spool spool;
    private final Transmitter transmitter;
    private final BounceSink bounces;
    private final DsnReport dsn;
    private final Backoff backoff;
    private final Duration lifetime;
    private final Clock clock;

    RelayQueue(Spool spool, Transmitter transmitter, BounceSink bounces, DsnReport dsn, Backoff backoff,
               Duration lifetime, Clock clock) {
        this.spool = spool;
        this.transmitter = transmitter;
        this.bounces = bounces;
        this.dsn = dsn;
        this.backoff = backoff;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Attempts every due message once; returns how many were attempted. */
    int runOnce() throws IOException {
        List<SpoolEntry> due = spool.due(clock.instant());
        int attempted = 0;
        for (SpoolEntry entry : due) {
            try {
                // a claim that expired (this node was paused or cut off) may be another node's by now: do not send
                if (spool.owns(entry)) {
                    attempt(entry);
                    attempted++;
                }
            } finally {
                spool.release(entry);
            }
        }
        return attempted;
    }

    private void attempt(SpoolEntry entry) throws IOException {
        List<RecipientFailure> failures;
        try (InputStream content = spool.openQueued(entry)) {
            failures = transmitter.send(entry, content);
        }
        Instant now = clock.instant();
        boolean expired = !now.isBefore(entry.queuedAt().plus(lifetime));
        List<RecipientFailure> finalFailures = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (RecipientFailure f : failures) {
            if (f.permanent()) {
                finalFailures.add(f);
            } else if (expired) {
                finalFailures.add(f.expired());
            } else {
                pending.add(f.recipient());
            }
        }
        String summary = failures.isEmpty() ? "" : failures.get(0).diagnostic();
        if (!finalFailures.isEmpty()) {
            giveUp(entry, finalFailures, now);
        }
        if (pending.isEmpty()) {
            spool.remove(entry);
            LOG.info("Relay {}: done after {} attempt(s), {} recipient(s) failed", entry.id(),
                    entry.attempts() + 1, finalFailures.size());
        } else {
            Duration wait = backoff.delayAfter(entry.attempts() + 1);
            spool.update(entry.retryLater(pending, now.plus(wait), summary));
            LOG.info("Relay {}: {} recipient(s) deferred, next attempt in {}: {}", entry.id(), pending.size(), wait,
                    summary);
        }
    }

    private void giveUp(SpoolEntry entry, List<RecipientFailure> failures, Instant now) throws IOException {
        List<String> failed = failures.stream().map(RecipientFailure::recipient).toList();
        SpoolEntry letter = spool.deadLetter(entry, failed, failures.get(0).diagnostic(), now);
        LOG.warn("Relay {}: gave up on {} ({}); dead letter {}", entry.id(), failed, failures.get(0).diagnostic(),
                letter.id());
        if (entry.sender().isEmpty()) {
            return; // a bounce that cannot be delivered is not bounced again (RFC 5321 §6.1)
        }
        try (InputStream original = spool.openQueued(entry)) {
            bounces.deliver(entry.sender(), dsn.build(entry.sender(), entry.queuedAt(), failures, original, now));
        } catch (Exception e) {
            // the dead letter keeps the message; the operator can still see and replay it
            LOG.error("Relay {}: the DSN to {} could not be delivered", entry.id(), entry.sender(), e);
        }
    }
}
