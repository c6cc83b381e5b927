package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.ImapRequest;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.StatusResponse;

import java.util.List;

/**
 * NOOP (RFC 9051 §6.1.2) and CHECK (RFC 3501 §6.4.1). Mailbox updates from other sessions (EXISTS, EXPUNGE,
 * FETCH FLAGS) are not reported yet: that needs the store's event listener wired into the session.
 */
final class NoopProcessor implements CommandProcessor<ImapRequest> {

    @Override
    public void process(ImapRequest request, ImapSession session, List<ImapResponse> out) {
        out.add(StatusResponse.ok(request.tag(), request.command() + " completed"));
    }
}
