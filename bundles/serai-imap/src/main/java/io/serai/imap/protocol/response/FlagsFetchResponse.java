package io.serai.imap.protocol.response;

import java.util.List;

/**
 * {@code * n FETCH (FLAGS (...) [UID u] [MODSEQ (m)])}: the flags of one message, sent after STORE without
 * {@code .SILENT} (RFC 9051 §6.4.6), for flag changes made by other sessions (§7.5.2), and for the implicit
 * {@code \Seen} of a non-peek BODY[] fetch. UID is included when the command was a UID command (§6.4.9) and MODSEQ
 * once CONDSTORE is enabled (RFC 7162 §3.1.4).
 *
 * @param msn    message sequence number
 * @param flags  flag atoms, system flags with their backslash
 * @param uid    the UID, or 0 to omit it
 * @param modSeq the mod-sequence, or 0 to omit it
 * @param modSeqOnly leave FLAGS out: the answer to {@code STORE ... .SILENT} with CONDSTORE (RFC 7162 §3.1.3)
 */
public record FlagsFetchResponse(long msn, List<String> flags, long uid, long modSeq, boolean modSeqOnly)
        implements ImapResponse {

    public FlagsFetchResponse {
        flags = List.copyOf(flags);
    }

    public FlagsFetchResponse(long msn, List<String> flags, long uid, long modSeq) {
        this(msn, flags, uid, modSeq, false);
    }
}
