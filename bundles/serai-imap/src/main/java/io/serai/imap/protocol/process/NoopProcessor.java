package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.ImapRequest;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.store.api.StoreException;

import java.util.List;

/**
 * NOOP (RFC 9051 §6.1.2) and CHECK (RFC 3501 §6.4.1). In the selected state they report what other sessions changed
 * (see {@link ImapSession#pendingUpdates}).
 */
final class NoopProcessor implements CommandProcessor<ImapRequest> {

    @Override
    public void process(ImapRequest request, ImapSession session, List<ImapResponse> out) throws StoreException {
        session.catchUp();
        session.pendingUpdates(true, out);
        out.add(StatusResponse.ok(request.tag(), request.command() + " completed"));
    }
}
