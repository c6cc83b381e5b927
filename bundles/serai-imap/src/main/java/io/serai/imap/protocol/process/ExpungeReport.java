package io.serai.imap.protocol.process;

import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.MessageCountResponse;
import io.serai.imap.protocol.response.ResponseCode;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.imap.protocol.response.VanishedResponse;
import io.serai.store.api.StoreException;

import java.util.Arrays;
import java.util.List;

/**
 * Removes expunged UIDs from the session's map and reports {@code * n EXPUNGE} for each, in ascending UID order, each
 * with the number the message has at that moment (RFC 9051 §7.5.1), as MOVE (RFC 6851 §3.3) and UID EXPUNGE need;
 * once QRESYNC is enabled, one {@code * VANISHED uids} instead (RFC 7162 §3.2.10). An IMAP4rev1 session whose
 * count of {@code \Recent} messages drops gets {@code * n RECENT} after them.
 */
final class ExpungeReport {

    private ExpungeReport() {
    }

    static void report(SelectedMailbox selected, long[] expungedUids, List<ImapResponse> out) {
        long[] sorted = expungedUids.clone();
        Arrays.sort(sorted);
        long[] gone = new long[sorted.length];
        int n = 0;
        boolean recentGone = false;
        for (long uid : sorted) {
            boolean recent = selected.isRecent(uid); // before expunged(), which forgets it
            int msn = selected.expunged(uid);
            if (msn > 0) {
                gone[n++] = uid;
                recentGone |= recent;
                if (!selected.modes().qresync()) {
                    out.add(MessageCountResponse.expunge(msn));
                }
            }
        }
        if (selected.modes().qresync() && n > 0) {
            // RFC 7162 §3.2.10: with QRESYNC one VANISHED (without EARLIER) replaces the EXPUNGEs
            out.add(VanishedResponse.of(false, Arrays.copyOf(gone, n)));
        }
        if (recentGone) {
            // RFC 3501 §7.3.2: the client must record the new count; Dovecot sends it after the expunges too
            out.add(new MessageCountResponse(selected.recentCount(), MessageCountResponse.Kind.RECENT));
        }
    }

    /**
     * The tagged OK of EXPUNGE and UID EXPUNGE: with CONDSTORE on it carries the mailbox's new HIGHESTMODSEQ
     * (RFC 7162), so a client knows up to which mod-sequence it is in sync after the expunge (what KIMAP's
     * ExpungeJob and others read from it).
     */
    static StatusResponse completed(String tag, ImapSession session, String text) throws StoreException {
        if (!session.condstore()) {
            return StatusResponse.ok(tag, text);
        }
        long highest = session.selected().mailbox().info().highestModSeq();
        return StatusResponse.ok(tag, ResponseCode.number("HIGHESTMODSEQ", highest), text);
    }
}
