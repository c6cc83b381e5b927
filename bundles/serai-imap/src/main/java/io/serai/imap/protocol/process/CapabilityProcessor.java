package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.ImapRequest;
import io.serai.imap.protocol.response.CapabilityResponse;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.StatusResponse;

import java.util.List;

/** CAPABILITY (RFC 9051 §6.1.1). */
final class CapabilityProcessor implements CommandProcessor<ImapRequest> {

    @Override
    public void process(ImapRequest request, ImapSession session, List<ImapResponse> out) {
        out.add(new CapabilityResponse(Capabilities.of(session)));
        out.add(StatusResponse.ok(request.tag(), "CAPABILITY completed"));
    }
}
