package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.ImapRequest;
import io.serai.imap.protocol.request.SequenceSet;
import io.serai.imap.protocol.request.UidExpungeRequest;

/** {@code "UID" SP "EXPUNGE" SP sequence-set} (RFC 4315 §2.1, RFC 9051 §9 {@code uid-expunge}). */
final class UidExpungeDecoder implements CommandDecoder {

    @Override
    public ImapRequest decode(String tag, String command, ArgumentReader in, boolean utf8) throws DecodeException {
        in.sp();
        SequenceSet uids = in.sequenceSet();
        in.end();
        return new UidExpungeRequest(tag, uids);
    }
}
