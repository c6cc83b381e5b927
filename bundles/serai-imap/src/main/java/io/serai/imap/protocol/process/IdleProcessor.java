package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.ImapRequest;
import io.serai.imap.protocol.response.ContinuationResponse;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.store.api.StoreException;

import java.util.List;

/**
 * IDLE (RFC 2177, RFC 9051 §6.3.13): {@code + idling}, then whatever is already pending; from then on the transport
 * pushes updates as they arrive ({@link ImapSession#idleUpdates()}) until the client sends {@code DONE}.
 */
final class IdleProcessor implements CommandProcessor<ImapRequest> {

    @Override
    public void process(ImapRequest request, ImapSession session, List<ImapResponse> out) throws StoreException {
        out.add(new ContinuationResponse("idling"));
        session.startIdle(request.tag());
        session.catchUp();
        session.pendingUpdates(true, out);
    }
}
