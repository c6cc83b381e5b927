package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.MailboxRequest;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.ResponseCode;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.store.api.Mailboxes;
import io.serai.store.api.StoreException;

import java.util.List;

/**
 * CREATE (RFC 9051 §6.3.4). A trailing delimiter only says the client intends to create children, so it is dropped;
 * INBOX always exists.
 */
final class CreateProcessor implements CommandProcessor<MailboxRequest> {

    @Override
    public void process(MailboxRequest request, ImapSession session, List<ImapResponse> out) throws StoreException {
        String name = request.mailbox();
        while (name.endsWith(String.valueOf(Mailboxes.DELIMITER))) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty() || name.equals(Mailboxes.INBOX)) {
            out.add(StatusResponse.no(request.tag(), ResponseCode.ALREADYEXISTS, "Mailbox already exists"));
            return;
        }
        session.mailboxes().create(name);
        out.add(StatusResponse.ok(request.tag(), "CREATE completed"));
    }
}
