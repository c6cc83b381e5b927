package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.EnableRequest;
import io.serai.imap.protocol.response.EnabledResponse;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.StatusResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * ENABLE (RFC 5161 §3.1): lists only what it newly enabled; unknown capabilities are silently ignored. CONDSTORE
 * and QRESYNC switch on {@link SyncModes} (RFC 7162 §3.1, §3.2.3).
 */
final class EnableProcessor implements CommandProcessor<EnableRequest> {

    @Override
    public void process(EnableRequest request, ImapSession session, List<ImapResponse> out) {
        List<String> enabled = new ArrayList<>();
        for (String capability : request.capabilities()) {
            String name = capability.toUpperCase(java.util.Locale.ROOT);
            if (Capabilities.enableable(name, session) && session.enabled().add(name)) {
                enabled.add(Capabilities.advertisedName(name));
                if (name.equals(Capabilities.CONDSTORE)) {
                    session.condstoreUsed();
                } else if (name.equals(Capabilities.QRESYNC)) {
                    session.modes().enableQresync(); // implies CONDSTORE (RFC 7162 §3.2.3)
                }
            }
        }
        out.add(new EnabledResponse(enabled));
        out.add(StatusResponse.ok(request.tag(), "ENABLE completed"));
    }
}
