package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.SequenceSet;
import io.serai.imap.protocol.response.VanishedResponse;
import io.serai.store.api.StoreException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

/**
 * {@code * VANISHED (EARLIER)} for SELECT (QRESYNC ...) and UID FETCH (CHANGEDSINCE n VANISHED) (RFC 7162 §3.2.5,
 * §3.2.6). Exact where the store's expunge log ({@link io.serai.store.api.Mailbox#expungedSince}) reaches back to
 * the client's mod-sequence: the UIDs of the client's set expunged since then. Where it does not (the log is
 * bounded, or the mailbox was copied in), every UID of the set, below UIDNEXT, that does not exist now: a superset
 * the client can apply without harm, since UIDs are never reused within one UIDVALIDITY (RFC 9051 §2.3.1.1) and a
 * VANISHED (EARLIER) UID the client does not have is ignored (RFC 7162 §3.2.10). The superset costs the number of
 * ranges in the set plus the number of messages, never the size of the UID space: gaps are written as ranges.
 */
final class VanishedEarlier {

    private VanishedEarlier() {
    }

    /**
     * For UID FETCH (CHANGEDSINCE n VANISHED) in the selected state. A UID "exists" if it is in the store now or still
     * in the session's map: a new message not yet announced is not vanished, and an expunge not yet announced comes
     * as a plain VANISHED at the end of the command. Costs one read of the mailbox's UIDs.
     */
    static VanishedResponse duringSession(SelectedMailbox selected, SequenceSet uidSet, long modSeq)
            throws StoreException {
        long uidNext = selected.mailbox().info().uidNext(); // read first: later appends are in uids() below
        Optional<long[]> expunged = selected.mailbox().expungedSince(modSeq);
        if (expunged.isPresent()) {
            // an expunge the session has not announced yet comes as a plain VANISHED at the end of the command
            return exact(uidSet, expunged.get(), uidNext, selected.uids());
        }
        long[] existing = LongStream.concat(Arrays.stream(selected.uids()), Arrays.stream(selected.mailbox().uids()))
                .sorted().distinct().toArray();
        return of(uidSet, existing, uidNext);
    }

    /**
     * The exact form: the UIDs of {@code expunged} (ascending) inside {@code uidSet}, less those in {@code present}
     * (ascending: the UIDs the session still shows, whose expunge it reports itself).
     */
    static VanishedResponse exact(SequenceSet uidSet, long[] expunged, long uidNext, long[] present) {
        long largest = uidNext - 1;
        long[] out = new long[0];
        int n = 0;
        for (long uid : expunged) {
            if (!uidSet.contains(uid, largest) || Arrays.binarySearch(present, uid) >= 0) {
                continue;
            }
            if (n > 0 && out[n - 1] == uid - 1) {
                out[n - 1] = uid; // extends the last range
            } else {
                out = add(out, n, uid, uid);
                n += 2;
            }
        }
        return new VanishedResponse(true, Arrays.copyOf(out, n));
    }

    /**
     * The superset form.
     *
     * @param uidSet   the UIDs the client asks about ({@code *} is the largest UID below UIDNEXT)
     * @param existing the UIDs that exist, ascending
     * @param uidNext  the mailbox's UIDNEXT: no UID at or above it was ever assigned
     */
    static VanishedResponse of(SequenceSet uidSet, long[] existing, long uidNext) {
        long largest = uidNext - 1;
        List<long[]> wanted = new ArrayList<>();
        for (SequenceSet.Range r : uidSet.ranges()) {
            long first = Math.max(1, r.first(largest));
            long last = Math.min(largest, r.last(largest));
            if (first <= last) {
                wanted.add(new long[] {first, last});
            }
        }
        wanted.sort((a, b) -> Long.compare(a[0], b[0]));
        long[] out = new long[0];
        int n = 0;
        for (long[] range : merge(wanted)) {
            // walk the existing UIDs inside the range; every hole between them is a vanished range
            int i = Arrays.binarySearch(existing, range[0]);
            i = i < 0 ? -i - 1 : i;
            long from = range[0];
            for (; i < existing.length && existing[i] <= range[1]; i++) {
                if (existing[i] > from) {
                    out = add(out, n, from, existing[i] - 1);
                    n += 2;
                }
                from = existing[i] + 1;
            }
            if (from <= range[1]) {
                out = add(out, n, from, range[1]);
                n += 2;
            }
        }
        return new VanishedResponse(true, Arrays.copyOf(out, n));
    }

    private static List<long[]> merge(List<long[]> sorted) {
        List<long[]> merged = new ArrayList<>();
        for (long[] r : sorted) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r[0] <= last[1] + 1) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                merged.add(r.clone());
            }
        }
        return merged;
    }

    private static long[] add(long[] out, int n, long first, long last) {
        long[] grown = n + 2 > out.length ? Arrays.copyOf(out, Math.max(8, out.length * 2)) : out;
        grown[n] = first;
        grown[n + 1] = last;
        return grown;
    }
}
