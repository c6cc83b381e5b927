package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.MailboxRequest;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.store.api.StoreException;

import java.util.List;

/** SUBSCRIBE and UNSUBSCRIBE (RFC 9051 §6.3.7, §6.3.8). */
final class SubscribeProcessor implements CommandProcessor<MailboxRequest> {

    @Override
    public void process(MailboxRequest request, ImapSession session, List<ImapResponse> out) throws StoreException {
        if (request.command().equals("SUBSCRIBE")) {
            session.mailboxes().subscribe(request.mailbox());
        } else {
            session.mailboxes().unsubscribe(request.mailbox());
        }
        out.add(StatusResponse.ok(request.tag(), request.command() + " completed"));
    }
}
