package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.AuthenticateRequest;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.ResponseCode;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.sasl.SaslMechanisms;
import io.serai.sasl.SaslServer;

import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * AUTHENTICATE (RFC 9051 §6.2.2) with SASL-IR (RFC 4959) over {@code io.serai.sasl}. PLAIN and LOGIN carry the
 * password in clear, so they follow the same TLS rule as LOGIN.
 */
final class AuthenticateProcessor implements CommandProcessor<AuthenticateRequest> {

    @Override
    public void process(AuthenticateRequest request, ImapSession session, List<ImapResponse> out) {
        String mechanism = request.mechanism();
        boolean plaintext = mechanism.equals(SaslMechanisms.PLAIN) || mechanism.equals(SaslMechanisms.LOGIN);
        if (plaintext && !session.tls() && !session.config().allowPlaintextAuth()) {
            out.add(StatusResponse.no(request.tag(), ResponseCode.PRIVACYREQUIRED, mechanism + " needs TLS"));
            return;
        }
        Optional<SaslServer> server = new SaslMechanisms(session.config().credentials()).create(mechanism);
        if (server.isEmpty()) {
            out.add(StatusResponse.no(request.tag(), ResponseCode.CANNOT, "Unsupported mechanism"));
            return;
        }
        byte[] initial = null;
        if (request.initialResponse() != null) {
            try {
                // "=" is an empty initial response (RFC 4959 §3)
                initial = request.initialResponse().equals("=") ? new byte[0]
                        : Base64.getDecoder().decode(request.initialResponse());
            } catch (IllegalArgumentException e) {
                out.add(StatusResponse.bad(request.tag(), "Invalid base64"));
                return;
            }
        }
        SaslExchange exchange = new SaslExchange(request.tag(), server.get());
        exchange.step(server.get().start(initial), session, out);
    }
}
