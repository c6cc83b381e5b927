package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.MailboxRequest;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.ResponseCode;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.store.api.Mailboxes;
import io.serai.store.api.StoreException;

import java.util.List;

/** DELETE (RFC 9051 §6.3.5). Deleting INBOX is an error; the store removes the mailbox and its messages. */
final class DeleteProcessor implements CommandProcessor<MailboxRequest> {

    @Override
    public void process(MailboxRequest request, ImapSession session, List<ImapResponse> out) throws StoreException {
        if (request.mailbox().equals(Mailboxes.INBOX)) {
            out.add(StatusResponse.no(request.tag(), ResponseCode.CANNOT, "INBOX cannot be deleted"));
            return;
        }
        SelectedMailbox selected = session.selected();
        if (selected != null && selected.name().equals(request.mailbox())) {
            session.unselect(); // the selected mailbox is gone; stay consistent rather than serve stale UIDs
        }
        session.mailboxes().delete(request.mailbox());
        out.add(StatusResponse.ok(request.tag(), "DELETE completed"));
    }
}
