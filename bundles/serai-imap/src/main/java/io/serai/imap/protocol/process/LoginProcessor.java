package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.LoginRequest;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.ResponseCode;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.store.api.StoreException;

import java.util.Arrays;
import java.util.List;

/**
 * LOGIN (RFC 9051 §6.2.3). Refused with {@code [PRIVACYREQUIRED]} before TLS unless plaintext authentication is
 * configured, matching the LOGINDISABLED capability.
 */
final class LoginProcessor implements CommandProcessor<LoginRequest> {

    @Override
    public void process(LoginRequest request, ImapSession session, List<ImapResponse> out) throws StoreException {
        try {
            if (!session.tls() && !session.config().allowPlaintextAuth()) {
                out.add(StatusResponse.no(request.tag(), ResponseCode.PRIVACYREQUIRED, "LOGIN needs TLS"));
                return;
            }
            if (!session.config().credentials().verifyPassword(request.user(), request.password())) {
                out.add(StatusResponse.no(request.tag(), ResponseCode.AUTHENTICATIONFAILED, "Authentication failed"));
                return;
            }
            session.authenticated(request.user());
            out.add(StatusResponse.ok(request.tag(), ResponseCode.capability(Capabilities.of(session)),
                    "LOGIN completed"));
        } finally {
            Arrays.fill(request.password(), (byte) 0);
        }
    }
}
