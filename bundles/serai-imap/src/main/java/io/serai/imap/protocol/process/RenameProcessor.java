package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.RenameRequest;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.ResponseCode;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.store.api.Mailbox;
import io.serai.store.api.Mailboxes;
import io.serai.store.api.StoreException;

import java.util.List;

/**
 * RENAME (RFC 9051 §6.3.6). Renaming INBOX is special (RFC 3501 §6.3.5, RFC 9051 §6.3.6): its messages move to a new
 * mailbox of that name and INBOX stays, empty; mailboxes below INBOX are not renamed. The move is the store's atomic
 * MOVE, so a failure leaves every message in one of the two places.
 */
final class RenameProcessor implements CommandProcessor<RenameRequest> {

    @Override
    public void process(RenameRequest request, ImapSession session, List<ImapResponse> out) throws StoreException {
        if (request.to().equals(Mailboxes.INBOX)) {
            out.add(StatusResponse.no(request.tag(), ResponseCode.ALREADYEXISTS, "INBOX exists"));
            return;
        }
        if (request.from().equals(Mailboxes.INBOX)) {
            Mailbox inbox = session.mailboxes().open(Mailboxes.INBOX);
            Mailbox target = session.mailboxes().create(request.to());
            long[] uids = inbox.uids();
            if (uids.length > 0) {
                inbox.moveTo(uids, target);
            }
        } else {
            session.mailboxes().rename(request.from(), request.to());
        }
        out.add(StatusResponse.ok(request.tag(), "RENAME completed"));
    }
}
