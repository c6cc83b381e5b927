package io.serai.imap.protocol.process;

import io.serai.imap.protocol.response.FlagsFetchResponse;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.MessageCountResponse;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.StoreException;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns the queued changes of the selected mailbox into untagged responses and updates the session's sequence map:
 * EXPUNGE first (each with the number the message has at that moment, RFC 9051 §7.4.1), then EXISTS for new
 * messages (§7.3.1), then {@code FETCH (FLAGS ... UID ...)} for messages whose flags others changed (§7.5.2). Cost is
 * proportional to the number of changes, not of messages; only after a queue overflow does {@link MailboxSync}
 * compare whole UID lists once.
 */
final class UpdateReporter {

    private UpdateReporter() {
    }

    static void report(SelectedMailbox selected, boolean expungeAllowed, List<ImapResponse> out)
            throws StoreException {
        PendingChanges pending = selected.pending();
        long seen = pending.highestSeen(); // every event up to here is in the batch taken below
        PendingChanges.Batch batch = pending.drain(expungeAllowed);
        if (batch.resync()) {
            MailboxSync.resync(selected, out);
            return;
        }
        long[] gone = batch.expunged();
        if (expungeAllowed) {
            ExpungeReport.report(selected, gone, out);
        }
        long knownBefore = selected.lastUid();
        int before = selected.exists();
        for (long uid : batch.added()) {
            if (Arrays.binarySearch(gone, uid) < 0) {
                selected.added(uid); // ignores what the session already knows (its own APPEND, the SELECT list)
            }
        }
        if (selected.exists() != before) {
            out.add(MessageCountResponse.exists(selected.exists()));
            recent(selected, knownBefore, out);
        }
        for (Map.Entry<Long, Long> change : batch.flagChanges().entrySet()) {
            long uid = change.getKey();
            if (uid > knownBefore || change.getValue() <= selected.syncedModSeq()
                    || Arrays.binarySearch(gone, uid) >= 0) {
                continue; // new to the client (it fetches flags anyway), already in the SELECT snapshot, or going
            }
            flags(selected, uid, out);
        }
        selected.synced(seen);
    }

    /**
     * The messages just reported as EXISTS (UIDs above {@code knownBefore}) that no other session was told about become
     * {@code \\Recent} here, and {@code * n RECENT} follows the EXISTS (RFC 3501 §7.3.2). One store call; nothing
     * for IMAP4rev2 sessions.
     */
    static void recent(SelectedMailbox selected, long knownBefore, List<ImapResponse> out) throws StoreException {
        if (!selected.tracksRecent() || selected.lastUid() <= knownBefore) {
            return;
        }
        long upto = selected.lastUid() + 1;
        long from = selected.readOnly() ? selected.mailbox().firstUnclaimedRecentUid()
                : selected.mailbox().claimRecent(upto);
        for (int n = selected.exists(); n >= 1 && selected.uid(n) > knownBefore; n--) {
            if (selected.uid(n) >= from) {
                selected.addRecent(selected.uid(n));
            }
        }
        out.add(new MessageCountResponse(selected.recentCount(), MessageCountResponse.Kind.RECENT));
    }

    /**
     * Queues every message from the last known UID up to {@code uid} (a message this session just added) as new, read
     * from the store so that messages others added before it, whose events may still be on their way, get the lower
     * sequence numbers. Costs the number of new messages.
     */
    static void learnOwn(SelectedMailbox selected, long uid) throws StoreException {
        if (uid > selected.lastUid()) {
            List<MessageMeta> fresh = selected.mailbox().messages(selected.lastUid() + 1, uid);
            long[] uids = new long[fresh.size()];
            for (int i = 0; i < uids.length; i++) {
                uids[i] = fresh.get(i).uid();
            }
            selected.pending().knownAdded(uids);
        }
    }

    /** {@code * n FETCH (FLAGS (...) UID u)} with the current flags, if the message still exists and is known. */
    static void flags(SelectedMailbox selected, long uid, List<ImapResponse> out) throws StoreException {
        int msn = selected.msn(uid);
        if (msn == 0) {
            return;
        }
        List<MessageMeta> meta = selected.mailbox().messages(uid, uid);
        if (!meta.isEmpty()) {
            MessageMeta m = meta.get(0);
            out.add(new FlagsFetchResponse(msn, FlagAtoms.of(selected, m), uid, selected.modSeqToReport(m.modSeq())));
        }
    }
}
