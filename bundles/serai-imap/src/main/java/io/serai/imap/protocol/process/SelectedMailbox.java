package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.SequenceSet;
import io.serai.imap.protocol.sort.SortFacts;
import io.serai.store.api.Mailbox;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The mailbox of the SELECTED state and this session's message sequence number map (RFC 9051 §2.3.1.2): message
 * {@code n} is {@code uids[n - 1]}. The map changes only when this session reports EXISTS or EXPUNGE.
 */
final class SelectedMailbox {

    private final Mailbox mailbox;
    private final String name;
    private final boolean readOnly;
    private final PendingChanges pending;
    private final AutoCloseable registration;
    private long[] uids;
    /** The largest UID ever in the map: UIDs only grow, so anything at or below it is old news, even if expunged. */
    private long highWater;
    private long syncedModSeq;
    private long[] savedUids = new long[0];
    private SyncModes modes = new SyncModes();
    /** The keywords this session's FLAGS responses named (IMAP keywords compare case-insensitively). */
    private final java.util.TreeSet<String> keywords = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    /**
     * SORT and THREAD facts by UID: a message's content never changes, so they hold until the mailbox is closed.
     * Bounded (least recently used go first), so a session sorting a huge mailbox does not keep it all.
     */
    private final LinkedHashMap<Long, CachedFacts> sortFacts = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, CachedFacts> e) {
            return size() > SORT_FACTS_CACHED;
        }
    };

    /** Facts, and whether they were read with References (THREAD=REFERENCES) rather than only In-Reply-To. */
    private record CachedFacts(SortFacts facts, boolean references) {
    }

    static final int SORT_FACTS_CACHED = 10_000;

    /** A mailbox whose changes nobody reports (tests of the sequence map). */
    SelectedMailbox(Mailbox mailbox, String name, boolean readOnly, long[] uids) {
        this(mailbox, name, readOnly, uids, new PendingChanges(-1, 1), () -> { }, 0);
    }

    /**
     * @param pending      the queue the store's listener fills, registered before {@code uids} was read
     * @param registration closes that listener
     * @param syncedModSeq the mailbox's HIGHESTMODSEQ read before {@code uids}: changes up to it are in the snapshot
     */
    SelectedMailbox(Mailbox mailbox, String name, boolean readOnly, long[] uids, PendingChanges pending,
                    AutoCloseable registration, long syncedModSeq) {
        this.mailbox = mailbox;
        this.name = name;
        this.readOnly = readOnly;
        this.uids = uids.clone();
        this.highWater = uids.length == 0 ? 0 : uids[uids.length - 1];
        this.pending = pending;
        this.registration = registration;
        this.syncedModSeq = syncedModSeq;
    }

    /**
     * The messages that are {@code \\Recent} in this session (RFC 3501 §2.3.2), or null when the session does not
     * report \\Recent (IMAP4rev2, RFC 9051 Appendix E). A read-only session shows what no one has claimed yet.
     */
    private java.util.TreeSet<Long> recent;

    /** Turns \\Recent reporting on; {@code uids} are recent for this session. */
    /** Cached facts of {@code uid}, or null; with {@code references}, only facts read with References count. */
    SortFacts sortFacts(long uid, boolean references) {
        CachedFacts c = sortFacts.get(uid);
        return c == null || (references && !c.references()) ? null : c.facts();
    }

    void cacheSortFacts(SortFacts f, boolean references) {
        sortFacts.put(f.uid(), new CachedFacts(f, references));
    }

    void trackRecent(long[] recentUids) {
        recent = new java.util.TreeSet<>();
        for (long uid : recentUids) {
            recent.add(uid);
        }
    }

    boolean tracksRecent() {
        return recent != null;
    }

    void addRecent(long uid) {
        if (recent != null && msn(uid) > 0) {
            recent.add(uid);
        }
    }

    boolean isRecent(long uid) {
        return recent != null && recent.contains(uid);
    }

    /** How many messages still in the map are recent for this session. */
    int recentCount() {
        if (recent == null) {
            return 0;
        }
        recent.removeIf(uid -> msn(uid) == 0);
        return recent.size();
    }

    /** Records a keyword as announced; returns whether it was new. */
    boolean announceKeyword(String keyword) {
        return keywords.add(keyword);
    }

    /** The keywords announced so far, in order. */
    java.util.Set<String> keywords() {
        return java.util.Collections.unmodifiableSet(keywords);
    }

    /** The session's CONDSTORE/QRESYNC state, set when the session selects this mailbox. */
    void modes(SyncModes modes) {
        this.modes = modes;
    }

    SyncModes modes() {
        return modes;
    }

    /** The mod-sequence to put into an untagged FETCH of flags: the real one once CONDSTORE is on, else 0 (none). */
    long modSeqToReport(long modSeq) {
        return modes.condstore() ? modSeq : 0;
    }

    PendingChanges pending() {
        return pending;
    }

    /** Every change up to this mod-sequence has been reported (or was in the SELECT snapshot). */
    long syncedModSeq() {
        return syncedModSeq;
    }

    void synced(long modSeq) {
        syncedModSeq = Math.max(syncedModSeq, modSeq);
    }

    /** The largest UID the client was ever told about (even if expunged since), or 0. */
    long lastUid() {
        return highWater;
    }

    /** Unregisters the store listener; the session leaves the selected state (or the connection ended). */
    void close() {
        try {
            registration.close();
        } catch (Exception e) {
            // the store is closing; nothing is delivered any more either way
        }
    }

    Mailbox mailbox() {
        return mailbox;
    }

    String name() {
        return name;
    }

    boolean readOnly() {
        return readOnly;
    }

    int exists() {
        return uids.length;
    }

    /** A copy of the map: UIDs in sequence number order. */
    long[] uids() {
        return uids.clone();
    }

    /** The sequence number of {@code uid}, or 0 if this session does not know it. */
    int msn(long uid) {
        int i = Arrays.binarySearch(uids, uid);
        return i < 0 ? 0 : i + 1;
    }

    /** The UID of sequence number {@code msn} (1-based). */
    long uid(int msn) {
        return uids[msn - 1];
    }

    /**
     * The sequence numbers a set names, ascending and without duplicates (RFC 9051 §9 {@code sequence-set}).
     * With {@code byUid}, numbers are UIDs and {@code *} is the largest UID in use; UIDs this session does not know
     * are skipped, as RFC 9051 §6.4.9 requires ("UIDs ... that do not exist are ignored"). Without it, numbers are
     * sequence numbers and {@code *} is the number of messages.
     *
     * {@code $} is the saved SEARCH result (see {@link #saveResult}).
     *
     * @throws IllegalArgumentException if a sequence number is 0 or beyond EXISTS (the caller answers BAD)
     */
    int[] resolve(SequenceSet set, boolean byUid) {
        return resolve(set, byUid, false);
    }

    /**
     * Like {@link #resolve(SequenceSet, boolean)}, but sequence numbers beyond EXISTS simply match nothing: a SEARCH
     * key names the messages it matches, so {@code SEARCH 1000} in a mailbox of 5 is answered OK with an empty result
     * (RFC 9051 §6.4.4 makes no number an error there; Dovecot and imaptest's esearch group agree).
     */
    int[] resolveForSearch(SequenceSet set, boolean byUid) {
        return resolve(set, byUid, true);
    }

    private int[] resolve(SequenceSet set, boolean byUid, boolean lenient) {
        if (set.savedResult()) {
            return saved();
        }
        if (uids.length == 0) {
            if (!byUid && !lenient) {
                throw new IllegalArgumentException("No messages");
            }
            return new int[0];
        }
        java.util.BitSet hits = new java.util.BitSet(uids.length + 1);
        for (SequenceSet.Range r : set.ranges()) {
            if (byUid) {
                long largest = uids[uids.length - 1];
                long first = r.first(largest);
                long last = r.last(largest);
                int from = Arrays.binarySearch(uids, first);
                from = from < 0 ? -from - 1 : from;
                for (int i = from; i < uids.length && uids[i] <= last; i++) {
                    hits.set(i + 1);
                }
            } else {
                long first = r.first(uids.length);
                long last = r.last(uids.length);
                if (lenient) {
                    first = Math.max(1, first);
                    last = Math.min(uids.length, last);
                    if (first > last) {
                        continue;
                    }
                } else if (first < 1 || last > uids.length) {
                    throw new IllegalArgumentException("Invalid message sequence number");
                }
                hits.set((int) first, (int) last + 1);
            }
        }
        return hits.stream().toArray();
    }

    /**
     * Remembers a SEARCH result for {@code $} (RFC 5182 §2.1). It is kept as UIDs, so messages expunged since then
     * drop out of it, as RFC 5182 requires; a new SELECT starts with an empty result because it builds a new object.
     */
    void saveResult(long[] resultUids) {
        savedUids = resultUids.clone();
    }

    /** The sequence numbers of the saved result's messages that still exist, ascending. */
    private int[] saved() {
        return Arrays.stream(savedUids).mapToInt(this::msn).filter(n -> n > 0).sorted().distinct()
                .toArray();
    }

    /** Adds a message this session has just reported as EXISTS; UIDs only grow, so it goes last. */
    void added(long uid) {
        if (uid > highWater) {
            long[] next = Arrays.copyOf(uids, uids.length + 1);
            next[uids.length] = uid;
            uids = next;
            highWater = uid;
        }
    }

    /** Forgets {@code uid}; returns the sequence number it had, to report as EXPUNGE, or 0. */
    int expunged(long uid) {
        if (recent != null) {
            recent.remove(uid);
        }
        int msn = msn(uid);
        if (msn > 0) {
            long[] next = new long[uids.length - 1];
            System.arraycopy(uids, 0, next, 0, msn - 1);
            System.arraycopy(uids, msn, next, msn - 1, uids.length - msn);
            uids = next;
        }
        return msn;
    }
}
