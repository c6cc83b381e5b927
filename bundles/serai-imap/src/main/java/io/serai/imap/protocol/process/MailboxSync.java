package io.serai.imap.protocol.process;

import io.serai.imap.protocol.response.FlagsFetchResponse;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.MessageCountResponse;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.StoreException;

import java.util.Arrays;
import java.util.List;

/**
 * The fallback after the pending-change queue overflowed ({@link PendingChanges}): compares the store's UIDs with
 * the session's map (O(messages), once) and reports EXPUNGE for messages that went, EXISTS for new ones, and FETCH
 * FLAGS for every known message changed since the last complete report ({@code changedSince}, RFC 7162 §3.1.4.1
 * semantics of the store). Only called where EXPUNGE is allowed (RFC 9051 §7.5.1).
 */
final class MailboxSync {

    private MailboxSync() {
    }

    static void resync(SelectedMailbox selected, List<ImapResponse> out) throws StoreException {
        long baseline = selected.mailbox().info().highestModSeq(); // read first: later changes are queued again
        long[] current = selected.mailbox().uids();
        long[] known = selected.uids();
        ExpungeReport.report(selected,
                Arrays.stream(known).filter(uid -> Arrays.binarySearch(current, uid) < 0).toArray(), out);
        long last = selected.lastUid();
        int before = selected.exists();
        for (long uid : current) {
            if (uid > last) {
                selected.added(uid);
            }
        }
        if (selected.exists() != before) {
            out.add(MessageCountResponse.exists(selected.exists()));
            UpdateReporter.recent(selected, last, out);
        }
        List<MessageMeta> changed = selected.mailbox().changedSince(selected.syncedModSeq());
        for (MessageMeta m : changed) {
            int msn = m.uid() <= last ? selected.msn(m.uid()) : 0;
            if (msn > 0) {
                out.add(new FlagsFetchResponse(msn, FlagAtoms.of(selected, m), m.uid(),
                        selected.modSeqToReport(m.modSeq())));
            }
        }
        selected.synced(baseline);
    }
}
