package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.StatusItem;
import io.serai.imap.protocol.request.StatusRequest;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.MailboxStatusResponse;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.store.api.StoreException;

import java.util.List;

/** STATUS (RFC 9051 §6.3.11; SIZE from RFC 8438). */
final class StatusProcessor implements CommandProcessor<StatusRequest> {

    @Override
    public void process(StatusRequest request, ImapSession session, List<ImapResponse> out) throws StoreException {
        if (request.items().contains(StatusItem.HIGHESTMODSEQ)) {
            session.condstoreUsed(); // RFC 7162 §3.1: STATUS HIGHESTMODSEQ enables CONDSTORE
        }
        var values = StatusValues.of(session.mailboxes().open(request.mailbox()), request.items(),
                session.config().appendLimit());
        out.add(new MailboxStatusResponse(request.mailbox(), values));
        out.add(StatusResponse.ok(request.tag(), "STATUS completed"));
    }
}
