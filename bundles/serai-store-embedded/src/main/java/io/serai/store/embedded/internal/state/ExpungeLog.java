package io.serai.store.embedded.internal.state;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Optional;

/**
 * The UIDs a mailbox lost, with the mod-sequence of the change that removed them, so that QRESYNC's
 * {@code VANISHED (EARLIER)} names exactly what was expunged since the client's mod-sequence (RFC 7162 §3.2.5.1)
 * instead of every UID that is missing. Bounded: past {@link #MAX_UIDS} UIDs the oldest changes are dropped and
 * {@link #floor} rises to their mod-sequence; a question about an older mod-sequence then has no exact answer.
 * Guarded by the mailbox's lock like the rest of {@link MailboxState}.
 */
public final class ExpungeLog {

    /** At 8 octets a UID, at most 800 KB per mailbox; a client that was away longer gets the superset. */
    public static final int MAX_UIDS = 100_000;

    private record Change(long modSeq, long[] uids) {
    }

    private final ArrayDeque<Change> changes = new ArrayDeque<>();
    private long floor;
    private int uidCount;

    /** A log that knows every expunge above {@code floor} (0 for a new mailbox). */
    public ExpungeLog(long floor) {
        this.floor = floor;
    }

    /** Every expunge up to this mod-sequence may be missing from the log. */
    public long floor() {
        return floor;
    }

    /** Records a change that removed {@code uids} (ascending), at a mod-sequence above every earlier one. */
    public void record(long modSeq, long[] uids) {
        if (uids.length == 0) {
            return;
        }
        changes.addLast(new Change(modSeq, uids));
        uidCount += uids.length;
        while (uidCount > MAX_UIDS && !changes.isEmpty()) {
            Change oldest = changes.removeFirst();
            uidCount -= oldest.uids.length;
            floor = Math.max(floor, oldest.modSeq);
        }
    }

    /** Everything before {@code modSeq} becomes unknown (a copied mailbox whose history stayed behind). */
    public void forgetUpTo(long modSeq) {
        while (!changes.isEmpty() && changes.peekFirst().modSeq <= modSeq) {
            uidCount -= changes.removeFirst().uids.length;
        }
        floor = Math.max(floor, modSeq);
    }

    /** The UIDs removed by changes above {@code modSeq}, ascending; empty if the log does not reach back so far. */
    public Optional<long[]> since(long modSeq) {
        if (modSeq < floor) {
            return Optional.empty();
        }
        return Optional.of(changes.stream().filter(c -> c.modSeq > modSeq).flatMapToLong(c -> Arrays.stream(c.uids))
                .sorted().distinct().toArray());
    }

    public ExpungeLog copy() {
        ExpungeLog l = new ExpungeLog(floor);
        l.changes.addAll(changes); // the arrays are never changed once recorded
        l.uidCount = uidCount;
        return l;
    }

    public void write(DataOutputStream out) throws IOException {
        out.writeLong(floor);
        out.writeInt(changes.size());
        for (Change c : changes) {
            out.writeLong(c.modSeq);
            out.writeInt(c.uids.length);
            for (long uid : c.uids) {
                out.writeLong(uid);
            }
        }
    }

    public static ExpungeLog read(DataInputStream in) throws IOException {
        ExpungeLog l = new ExpungeLog(in.readLong());
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            long modSeq = in.readLong();
            long[] uids = new long[in.readInt()];
            for (int j = 0; j < uids.length; j++) {
                uids[j] = in.readLong();
            }
            l.record(modSeq, uids);
        }
        return l;
    }
}
