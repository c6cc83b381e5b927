package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.ImapRequest;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.NamespaceResponse;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.store.api.Mailboxes;

import java.util.List;

/** NAMESPACE (RFC 2342, RFC 9051 §6.3.10): one personal namespace with an empty prefix. */
final class NamespaceProcessor implements CommandProcessor<ImapRequest> {

    @Override
    public void process(ImapRequest request, ImapSession session, List<ImapResponse> out) {
        out.add(new NamespaceResponse("", Mailboxes.DELIMITER));
        out.add(StatusResponse.ok(request.tag(), "NAMESPACE completed"));
    }
}
