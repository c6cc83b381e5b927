package io.serai.sasl;

import java.util.Objects;

/** The outcome of one step of a server-side SASL exchange. */
public sealed interface SaslStep {

    /** The server sends {@code challenge} and waits for the next client response. */
    record Challenge(byte[] challenge) implements SaslStep {
        public Challenge {
            challenge = challenge.clone();
        }

        @Override
        public byte[] challenge() {
            return challenge.clone();
        }
    }

    /**
     * The client is authenticated as {@code user}. {@code additionalData} is sent with the success reply when
     * non-empty (SCRAM's server-final-message, RFC 4954 §4 allows it in the 235 reply).
     */
    record Success(String user, byte[] additionalData) implements SaslStep {
        public Success {
            Objects.requireNonNull(user, "user");
            additionalData = additionalData.clone();
        }

        @Override
        public byte[] additionalData() {
            return additionalData.clone();
        }
    }

    /** Authentication failed; {@code malformed} tells a protocol error (501) from bad credentials (535). */
    record Failure(String reason, boolean malformed) implements SaslStep {
    }

    static SaslStep failure(String reason) {
        return new Failure(reason, false);
    }

    static SaslStep malformed(String reason) {
        return new Failure(reason, true);
    }
}
