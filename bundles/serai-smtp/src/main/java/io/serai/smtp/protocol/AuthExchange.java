package io.serai.smtp.protocol;

import io.serai.sasl.SaslMechanisms;
import io.serai.sasl.SaslServer;
import io.serai.sasl.SaslStep;
import io.serai.smtp.api.SmtpReply;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * One AUTH exchange (RFC 4954 §4): base64 lines in, {@code 334} challenges out, until success or failure.
 * The SASL state machine itself lives in serai-sasl.
 */
final class AuthExchange {

    /** The result of one step: a reply, and the user once authenticated. */
    record Outcome(SmtpReply reply, boolean finished, String user, boolean failed) {
    }

    private final SaslServer server;
    private String pendingUser;

    private AuthExchange(SaslServer server) {
        this.server = server;
    }

    /** Parses {@code mechanism [initial-response]}; empty if the mechanism is unknown. */
    static Optional<AuthExchange> create(SaslMechanisms mechanisms, String mechanism) {
        return mechanisms.create(mechanism).map(AuthExchange::new);
    }

    Outcome start(String initialResponse) {
        if (initialResponse == null) {
            return step(server.start(null));
        }
        // RFC 4954 §4: "=" is an empty initial response
        byte[] decoded = initialResponse.equals("=") ? new byte[0] : decode(initialResponse);
        return decoded == null ? abort(Replies.BAD_BASE64) : step(server.start(decoded));
    }

    Outcome respond(byte[] line) {
        String text = new String(line, StandardCharsets.US_ASCII);
        if (text.equals("*")) {
            return abort(Replies.AUTH_CANCELLED); // RFC 4954 §4: the client cancels with "*"
        }
        if (pendingUser != null) {
            // the client acknowledged the additional data of a successful exchange with an empty response
            return text.isEmpty() ? new Outcome(Replies.AUTH_OK, true, pendingUser, false) : abort(Replies.AUTH_MALFORMED);
        }
        byte[] decoded = decode(text);
        return decoded == null ? abort(Replies.BAD_BASE64) : step(server.evaluate(decoded));
    }

    private Outcome step(SaslStep step) {
        if (step instanceof SaslStep.Challenge challenge) {
            return new Outcome(challenge(challenge.challenge()), false, null, false);
        }
        if (step instanceof SaslStep.Success success) {
            if (success.additionalData().length == 0) {
                return new Outcome(Replies.AUTH_OK, true, success.user(), false);
            }
            // RFC 4954 §4: additional data with success is sent in a 334 and answered by an empty line
            pendingUser = success.user();
            return new Outcome(challenge(success.additionalData()), false, null, false);
        }
        SaslStep.Failure failure = (SaslStep.Failure) step;
        return failure.malformed() ? abort(Replies.AUTH_MALFORMED) : new Outcome(Replies.AUTH_FAILED, true, null, true);
    }

    private static Outcome abort(SmtpReply reply) {
        return new Outcome(reply, true, null, false);
    }

    private static SmtpReply challenge(byte[] data) {
        return SmtpReply.of(334, null, Base64.getEncoder().encodeToString(data));
    }

    private static byte[] decode(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
