package io.serai.imap.protocol.process;

import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.MessageCountResponse;

import java.util.Arrays;
import java.util.List;

/**
 * Removes expunged UIDs from the session's map and reports {@code * n EXPUNGE} for each, in ascending UID order, each
 * with the number the message has at that moment (RFC 9051 §7.5.1), as MOVE (RFC 6851 §3.3) and UID EXPUNGE need.
 */
final class ExpungeReport {

    private ExpungeReport() {
    }

    static void report(SelectedMailbox selected, long[] expungedUids, List<ImapResponse> out) {
        long[] sorted = expungedUids.clone();
        Arrays.sort(sorted);
        for (long uid : sorted) {
            int msn = selected.expunged(uid);
            if (msn > 0) {
                out.add(MessageCountResponse.expunge(msn));
            }
        }
    }
}
