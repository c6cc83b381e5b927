package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.ImapRequest;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.store.api.StoreException;

import java.util.List;

/**
 * CLOSE (RFC 9051 §6.4.1): silently expunges {@code \Deleted} messages of a read-write mailbox, without EXPUNGE
 * responses. UNSELECT (RFC 3691, RFC 9051 §6.4.2) leaves the mailbox as it is.
 */
final class CloseProcessor implements CommandProcessor<ImapRequest> {

    @Override
    public void process(ImapRequest request, ImapSession session, List<ImapResponse> out) throws StoreException {
        SelectedMailbox selected = session.selected();
        if (request.command().equals("CLOSE") && !selected.readOnly()) {
            long[] deleted = DeletedMessages.uids(selected.mailbox());
            if (deleted.length > 0) {
                selected.mailbox().expunge(deleted);
            }
        }
        session.unselect();
        out.add(StatusResponse.ok(request.tag(), request.command() + " completed"));
    }
}
