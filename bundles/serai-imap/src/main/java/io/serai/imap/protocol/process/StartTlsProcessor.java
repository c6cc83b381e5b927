package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.ImapRequest;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.StatusResponse;

import java.util.List;

/**
 * STARTTLS (RFC 9051 §6.2.1). The session only answers and raises a flag; the transport then discards any
 * plaintext the client pipelined behind the command (command injection, RFC 9051 §11.1) and starts TLS.
 */
final class StartTlsProcessor implements CommandProcessor<ImapRequest> {

    @Override
    public void process(ImapRequest request, ImapSession session, List<ImapResponse> out) {
        if (!session.starttlsAvailable()) {
            out.add(StatusResponse.bad(request.tag(), session.tls() ? "TLS is already active" : "STARTTLS unavailable"));
            return;
        }
        out.add(StatusResponse.ok(request.tag(), "Begin TLS negotiation now"));
        session.startTlsRequested();
    }
}
