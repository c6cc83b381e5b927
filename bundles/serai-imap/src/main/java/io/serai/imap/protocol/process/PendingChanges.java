package io.serai.imap.protocol.process;

import io.serai.store.api.event.StoreEvent;
import io.serai.store.api.event.StoreListener;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What other sessions changed in the selected mailbox since this session last reported: new UIDs, expunged UIDs and
 * flag changes (UID → mod-sequences), fed by the store's events (on a store thread) and drained by the session (on
 * its own thread), hence the monitor. Registered for one mailbox from SELECT until the mailbox is closed.
 *
 * <p>Memory is bounded: beyond {@code limit} queued entries the queue is dropped and {@link #overflowed()} asks the
 * session for one full resync instead (RFC 9051 §7.5.1 lets the server report what it likes as long as sequence
 * numbers stay consistent; a resync compares UID lists once instead of holding every event).
 *
 * <p>Flag changes this session made itself are announced with {@link #ownFlagChange(long, long)} and filtered out,
 * so a {@code STORE .SILENT} is not echoed back as untagged FETCH (RFC 9051 §6.4.6).
 */
final class PendingChanges implements StoreListener {

    /** One drained batch. Expunged UIDs stay queued while the caller may not report EXPUNGE. */
    record Batch(long[] added, long[] expunged, TreeMap<Long, Long> flagChanges, boolean resync) {
    }

    private record Own(long uid, long modSeq) {
    }

    private final long mailboxId;
    private final int limit;
    private final TreeSet<Long> added = new TreeSet<>();
    private final TreeSet<Long> expunged = new TreeSet<>();
    /**
     * UID → {first, last} mod-sequence of flag changes not yet reported. Both are kept so that an own change can be
     * told apart from an own change that follows someone else's: only the first is dropped as an echo.
     */
    private final TreeMap<Long, long[]> flagChanges = new TreeMap<>();
    /** Own changes whose event has not arrived yet; insertion-ordered so the oldest go first when full. */
    private final Set<Own> own = new LinkedHashSet<>();
    private int size;
    private boolean overflow;
    private boolean mailboxGone;
    private long highestSeen;
    private Runnable wakeup;

    PendingChanges(long mailboxId, int limit) {
        this.mailboxId = mailboxId;
        this.limit = limit;
    }

    /** Called (outside the monitor) whenever the queue goes from empty to non-empty: the IDLE push hook. */
    synchronized void onChange(Runnable wakeup) {
        this.wakeup = wakeup;
    }

    @Override
    public void onEvent(StoreEvent event) {
        if (event.mailboxId() != mailboxId) {
            return;
        }
        Runnable wake;
        synchronized (this) {
            boolean wasEmpty = isEmpty();
            record(event);
            notifyAll(); // awaitSeen
            wake = wasEmpty && !isEmpty() ? wakeup : null;
        }
        if (wake != null) {
            wake.run();
        }
    }

    /**
     * Waits until an event with a mod-sequence of at least {@code modSeq} has arrived, at most {@code timeoutMillis}.
     * Store events are asynchronous (see {@code MailStore#addListener}); NOOP and CHECK wait here for the events of
     * changes the store has already committed, so a client that polls right after another session's commit sees them
     * (RFC 9051 §6.1.2: NOOP is the way to poll). Returns whether they arrived.
     */
    synchronized boolean awaitSeen(long modSeq, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (highestSeen < modSeq && !overflow && !mailboxGone) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000L));
        }
        return true;
    }

    private void record(StoreEvent event) {
        if (event instanceof StoreEvent.MessageAdded a) {
            highestSeen = Math.max(highestSeen, a.modSeq());
            if (!overflow && added.add(a.uid())) {
                size++;
            }
        } else if (event instanceof StoreEvent.MessagesExpunged e) {
            highestSeen = Math.max(highestSeen, e.modSeq());
            if (!overflow) {
                for (long uid : e.uids()) {
                    if (expunged.add(uid)) {
                        size++;
                    }
                    if (flagChanges.remove(uid) != null) {
                        size--;
                    }
                }
            }
        } else if (event instanceof StoreEvent.FlagsChanged f) {
            highestSeen = Math.max(highestSeen, f.modSeq());
            if (!overflow && !own.remove(new Own(f.uid(), f.modSeq()))) {
                long[] range = flagChanges.get(f.uid());
                if (range == null) {
                    flagChanges.put(f.uid(), new long[] {f.modSeq(), f.modSeq()});
                    size++;
                } else {
                    range[1] = f.modSeq();
                }
            }
        } else if (event instanceof StoreEvent.MailboxDeleted) {
            mailboxGone = true;
        }
        // created or renamed: nothing changes for the selected session (the handle survives a rename)
        if (size > limit) {
            overflow = true;
            added.clear();
            expunged.clear();
            flagChanges.clear();
            own.clear();
            size = 0;
        }
    }

    /**
     * This session changed the flags of {@code uid} at {@code modSeq}: that change is not reported back. The event may
     * already be queued (the store delivers asynchronously) or come later.
     */
    synchronized void ownFlagChange(long uid, long modSeq) {
        long[] queued = flagChanges.get(uid);
        if (queued != null && queued[0] == modSeq && queued[1] == modSeq) {
            flagChanges.remove(uid); // our own event arrived first and alone: an echo
            size--;
            return;
        }
        if (queued != null && queued[1] >= modSeq) {
            return; // our event has arrived together with someone else's change: report the message
        }
        own.add(new Own(uid, modSeq));
        if (own.size() > limit) { // events never came (should not happen): forget the oldest
            var it = own.iterator();
            it.next();
            it.remove();
        }
    }

    /**
     * Takes everything queued. With {@code expungeAllowed} false, expunged UIDs stay queued for a later batch (and
     * are still returned, so the caller can skip adding them and fetching their flags).
     */
    synchronized Batch drain(boolean expungeAllowed) {
        if (overflow) {
            if (!expungeAllowed) { // a resync may expunge: wait for a point where that is allowed
                return new Batch(new long[0], new long[0], new TreeMap<>(), false);
            }
            overflow = false; // events from now on are queued again; the resync reads the store after this
            return new Batch(new long[0], new long[0], new TreeMap<>(), true);
        }
        TreeMap<Long, Long> flags = new TreeMap<>();
        flagChanges.forEach((uid, range) -> flags.put(uid, range[1]));
        Batch batch = new Batch(toArray(added), toArray(expunged), flags, false);
        size -= added.size() + flagChanges.size();
        added.clear();
        flagChanges.clear();
        if (expungeAllowed) {
            size -= expunged.size();
            expunged.clear();
        }
        return batch;
    }

    /** Whether nothing waits to be reported (the empty → non-empty transition wakes an IDLE session). */
    synchronized boolean isEmpty() {
        return added.isEmpty() && expunged.isEmpty() && flagChanges.isEmpty() && !overflow && !mailboxGone;
    }

    /** The highest mod-sequence of any event received for this mailbox (tests wait for delivery with it). */
    synchronized long highestSeen() {
        return highestSeen;
    }

    /** The selected mailbox was deleted by someone else (RFC 9051 §6.3.4 leaves the reaction to the server). */
    synchronized boolean mailboxGone() {
        return mailboxGone;
    }

    /** UIDs this session learnt from the store itself (its own APPEND): reported like new messages of others. */
    synchronized void knownAdded(long[] uids) {
        for (long uid : uids) {
            if (added.add(uid)) {
                size++;
            }
        }
    }

    /** The events of committed changes did not come in time: the next report compares with the store instead. */
    synchronized void forceResync() {
        overflow = true;
        added.clear();
        expunged.clear();
        flagChanges.clear();
        own.clear();
        size = 0;
    }

    synchronized boolean overflowed() {
        return overflow;
    }

    private static long[] toArray(TreeSet<Long> set) {
        long[] out = new long[set.size()];
        int i = 0;
        for (long v : set) {
            out[i++] = v;
        }
        return out;
    }
}
