package io.serai.imap.protocol.process;

import io.serai.imap.protocol.response.ContinuationResponse;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.ResponseCode;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.sasl.SaslServer;
import io.serai.sasl.SaslStep;
import io.serai.store.api.StoreException;
import io.serai.store.api.StoreUnavailableException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * One AUTHENTICATE exchange in progress (RFC 9051 §6.2.2): challenges go out as {@code + base64}, each client line
 * is a base64 response or {@code *} to cancel. Success data (SCRAM's server-final-message) is sent as a last
 * challenge and the client answers with an empty line, as IMAP has no "success with data" (RFC 9051 §6.2.2).
 */
final class SaslExchange {

    private final String tag;
    private final SaslServer server;
    private SaslStep.Success pendingSuccess;

    SaslExchange(String tag, SaslServer server) {
        this.tag = tag;
        this.server = server;
    }

    void respond(byte[] line, ImapSession session, List<ImapResponse> out) {
        String text = new String(line, StandardCharsets.US_ASCII);
        if (text.equals("*")) {
            out.add(StatusResponse.bad(tag, "AUTHENTICATE cancelled"));
            return;
        }
        if (pendingSuccess != null) {
            if (!text.isEmpty()) {
                out.add(StatusResponse.bad(tag, "Expected an empty response"));
                return;
            }
            succeed(pendingSuccess.user(), session, out);
            return;
        }
        byte[] response;
        try {
            response = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            out.add(StatusResponse.bad(tag, "Invalid base64"));
            return;
        }
        step(server.evaluate(response), session, out);
    }

    void step(SaslStep step, ImapSession session, List<ImapResponse> out) {
        if (step instanceof SaslStep.Challenge c) {
            challenge(c.challenge(), session, out);
        } else if (step instanceof SaslStep.Success s) {
            if (s.additionalData().length > 0) {
                pendingSuccess = s;
                challenge(s.additionalData(), session, out);
            } else {
                succeed(s.user(), session, out);
            }
        } else if (step instanceof SaslStep.Failure f) {
            out.add(f.malformed() ? StatusResponse.bad(tag, "Malformed SASL response")
                    : StatusResponse.no(tag, ResponseCode.AUTHENTICATIONFAILED, "Authentication failed"));
        }
    }

    private void challenge(byte[] data, ImapSession session, List<ImapResponse> out) {
        out.add(new ContinuationResponse(Base64.getEncoder().encodeToString(data)));
        session.saslPending(this);
    }

    private void succeed(String user, ImapSession session, List<ImapResponse> out) {
        try {
            session.authenticated(user);
        } catch (StoreUnavailableException e) {
            out.add(StatusResponse.no(tag, ResponseCode.UNAVAILABLE, "Mailbox store unavailable, try again later"));
            return;
        } catch (StoreException e) {
            out.add(StatusResponse.no(tag, ResponseCode.SERVERBUG, "Store failure"));
            return;
        }
        out.add(StatusResponse.ok(tag, ResponseCode.capability(Capabilities.of(session)), "AUTHENTICATE completed"));
    }
}
