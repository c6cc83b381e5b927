package io.serai.pop3.protocol;

import io.serai.sasl.SaslServer;
import io.serai.sasl.SaslStep;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One POP3 AUTH exchange (RFC 5034 §4): base64 client responses in, "+ " continuations out, until the exchange
 * succeeds, fails or is cancelled with "*". The mechanisms themselves live in serai-sasl.
 */
final class SaslExchange {

    /** One step: the bytes to send, and once finished the user (null unless authenticated). */
    record Step(byte[] reply, boolean finished, String user, boolean badCredentials) {
    }

    private final SaslServer server;
    /** Set when the mechanism succeeded with additional data still to be acknowledged. */
    private String pendingUser;

    SaslExchange(SaslServer server) {
        this.server = server;
    }

    Step start(String initialResponse) {
        if (initialResponse == null) {
            return next(server.start(null));
        }
        // RFC 5034 §4: "=" is an empty initial response
        byte[] decoded = initialResponse.equals("=") ? new byte[0] : decode(initialResponse);
        return decoded == null ? malformed() : next(server.start(decoded));
    }

    Step respond(byte[] line) {
        String text = new String(line, StandardCharsets.US_ASCII);
        if (text.equals("*")) {
            return new Step(Replies.err("authentication cancelled"), true, null, false); // RFC 5034 §4
        }
        if (pendingUser != null) {
            // the client acknowledged the server's additional data with an empty response (RFC 5034 §4)
            return text.isEmpty() ? success(pendingUser) : malformed();
        }
        byte[] decoded = decode(text);
        return decoded == null ? malformed() : next(server.evaluate(decoded));
    }

    private Step next(SaslStep step) {
        if (step instanceof SaslStep.Challenge challenge) {
            return new Step(continuation(challenge.challenge()), false, null, false);
        }
        if (step instanceof SaslStep.Success success) {
            if (success.additionalData().length == 0) {
                return success(success.user());
            }
            // POP3 has no room for data in +OK: send SCRAM's server-final-message as a continuation first
            pendingUser = success.user();
            return new Step(continuation(success.additionalData()), false, null, false);
        }
        SaslStep.Failure failure = (SaslStep.Failure) step;
        return failure.malformed() ? malformed()
                : new Step(Replies.err(Replies.AUTH, "authentication failed"), true, null, true);
    }

    private static Step success(String user) {
        return new Step(null, true, user, false);
    }

    private static Step malformed() {
        return new Step(Replies.err("malformed SASL response"), true, null, false);
    }

    private static byte[] continuation(byte[] data) {
        return Replies.continuation(Base64.getEncoder().encodeToString(data));
    }

    private static byte[] decode(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
