package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.RenameRequest;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.ResponseCode;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.store.api.Mailboxes;
import io.serai.store.api.StoreException;

import java.util.List;

/**
 * RENAME (RFC 9051 §6.3.6). Renaming INBOX (which moves its messages to a new mailbox) is not supported yet and is
 * refused with {@code [CANNOT]}.
 */
final class RenameProcessor implements CommandProcessor<RenameRequest> {

    @Override
    public void process(RenameRequest request, ImapSession session, List<ImapResponse> out) throws StoreException {
        if (request.from().equals(Mailboxes.INBOX)) {
            out.add(StatusResponse.no(request.tag(), ResponseCode.CANNOT, "Renaming INBOX is not supported"));
            return;
        }
        if (request.to().equals(Mailboxes.INBOX)) {
            out.add(StatusResponse.no(request.tag(), ResponseCode.ALREADYEXISTS, "INBOX exists"));
            return;
        }
        session.mailboxes().rename(request.from(), request.to());
        out.add(StatusResponse.ok(request.tag(), "RENAME completed"));
    }
}
