package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.ImapRequest;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.Status;
import io.serai.imap.protocol.response.StatusResponse;

import java.util.List;

/** LOGOUT (RFC 9051 §6.1.3): untagged BYE, then the tagged OK, then the server closes. */
final class LogoutProcessor implements CommandProcessor<ImapRequest> {

    @Override
    public void process(ImapRequest request, ImapSession session, List<ImapResponse> out) {
        out.add(StatusResponse.untagged(Status.BYE, null, "Logging out"));
        out.add(StatusResponse.ok(request.tag(), "LOGOUT completed"));
        session.logout();
    }
}
