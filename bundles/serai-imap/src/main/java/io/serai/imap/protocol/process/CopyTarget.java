package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.CopyRequest;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.ResponseCode;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.store.api.Mailbox;
import io.serai.store.api.NotFoundException;
import io.serai.store.api.StoreException;

import java.util.List;

/** The target of COPY or MOVE; a missing one is {@code NO [TRYCREATE]} (RFC 9051 §6.4.7). */
final class CopyTarget {

    private CopyTarget() {
    }

    /** The target mailbox, or {@code null} after adding the NO. */
    static Mailbox open(ImapSession session, CopyRequest request, List<ImapResponse> out) throws StoreException {
        try {
            return session.mailboxes().open(request.mailbox());
        } catch (NotFoundException e) {
            out.add(StatusResponse.no(request.tag(), ResponseCode.TRYCREATE, "No such mailbox"));
            return null;
        }
    }
}
