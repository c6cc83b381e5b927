package io.serai.sasl.internal;

import io.serai.sasl.CredentialStore;
import io.serai.sasl.SaslMechanisms;
import io.serai.sasl.SaslServer;
import io.serai.sasl.SaslStep;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * LOGIN (draft-murchison-sasl-login): the server asks "Username:" then "Password:". Obsolete but still sent by
 * many clients, so offered only where PLAIN is.
 */
public final class LoginServer implements SaslServer {

    static final byte[] USERNAME = "Username:".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PASSWORD = "Password:".getBytes(StandardCharsets.US_ASCII);

    private enum State { USER, PASSWORD, DONE }

    private final CredentialStore credentials;
    private State state = State.USER;
    private String user;

    public LoginServer(CredentialStore credentials) {
        this.credentials = credentials;
    }

    @Override
    public String mechanismName() {
        return SaslMechanisms.LOGIN;
    }

    @Override
    public SaslStep start(byte[] initialResponse) {
        // some clients send the user name as initial response (AUTH LOGIN dXNlcg==)
        if (initialResponse == null || initialResponse.length == 0) {
            return new SaslStep.Challenge(USERNAME);
        }
        return evaluate(initialResponse);
    }

    @Override
    public SaslStep evaluate(byte[] response) {
        switch (state) {
            case USER -> {
                user = new String(response, StandardCharsets.UTF_8);
                if (user.isEmpty()) {
                    state = State.DONE;
                    return SaslStep.malformed("empty user name");
                }
                state = State.PASSWORD;
                return new SaslStep.Challenge(PASSWORD);
            }
            case PASSWORD -> {
                state = State.DONE;
                try {
                    return credentials.verifyPassword(user, response)
                            ? new SaslStep.Success(user, new byte[0])
                            : SaslStep.failure("invalid credentials");
                } finally {
                    Arrays.fill(response, (byte) 0);
                }
            }
            default -> {
                return SaslStep.malformed("exchange already finished");
            }
        }
    }
}
