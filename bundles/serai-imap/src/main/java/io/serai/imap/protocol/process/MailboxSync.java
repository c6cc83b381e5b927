package io.serai.imap.protocol.process;

import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.MessageCountResponse;
import io.serai.store.api.StoreException;

import java.util.Arrays;
import java.util.List;

/**
 * Brings the session's sequence map up to date with the store and reports the difference: EXPUNGE for messages
 * other sessions removed, then EXISTS for new ones (RFC 9051 §7.4.1, §7.5.1). Called only where RFC 9051 §7.5.1
 * allows EXPUNGE responses (NOOP, CHECK), never during FETCH, STORE or SEARCH.
 *
 * <p>This compares UID lists, which is O(messages) per call; the store's event listener should replace it (and is
 * needed for IDLE). Flag changes by other sessions (untagged FETCH FLAGS) are not reported yet.
 */
final class MailboxSync {

    private MailboxSync() {
    }

    static void sync(SelectedMailbox selected, List<ImapResponse> out) throws StoreException {
        long[] current = selected.mailbox().uids();
        long[] known = selected.uids();
        for (long uid : known) {
            if (Arrays.binarySearch(current, uid) < 0) {
                out.add(MessageCountResponse.expunge(selected.expunged(uid)));
            }
        }
        long last = known.length == 0 ? 0 : known[known.length - 1];
        int before = selected.exists();
        for (long uid : current) {
            if (uid > last) {
                selected.added(uid);
            }
        }
        if (selected.exists() != before) {
            out.add(MessageCountResponse.exists(selected.exists()));
        }
    }
}
