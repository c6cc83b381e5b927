package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.SequenceSet;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.StatusResponse;

import java.util.List;

/** Sequence-set resolution for the selected-state commands, with the tagged BAD RFC 9051 §9 asks for bad numbers. */
final class MessageSets {

    private MessageSets() {
    }

    /** The sequence numbers the set names, or {@code null} after adding a tagged BAD for an invalid number. */
    static int[] resolve(SelectedMailbox selected, SequenceSet set, boolean byUid, String tag,
                         List<ImapResponse> out) {
        try {
            return selected.resolve(set, byUid);
        } catch (IllegalArgumentException e) {
            out.add(StatusResponse.bad(tag, e.getMessage()));
            return null;
        }
    }

    /** The UIDs of sequence numbers, in the same (ascending) order. */
    static long[] uids(SelectedMailbox selected, int[] msns) {
        long[] uids = new long[msns.length];
        for (int i = 0; i < msns.length; i++) {
            uids[i] = selected.uid(msns[i]);
        }
        return uids;
    }
}
