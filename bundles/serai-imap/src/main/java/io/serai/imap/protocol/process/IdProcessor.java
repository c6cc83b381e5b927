package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.IdRequest;
import io.serai.imap.protocol.response.IdResponse;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.StatusResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ID (RFC 2971): the server names itself without a version, so probes learn little (RFC 2971 §5). */
final class IdProcessor implements CommandProcessor<IdRequest> {

    @Override
    public void process(IdRequest request, ImapSession session, List<ImapResponse> out) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "Serai");
        out.add(new IdResponse(fields));
        out.add(StatusResponse.ok(request.tag(), "ID completed"));
    }
}
