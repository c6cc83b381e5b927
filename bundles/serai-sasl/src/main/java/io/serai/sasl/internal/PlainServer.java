package io.serai.sasl.internal;

import io.serai.sasl.CredentialStore;
import io.serai.sasl.SaslMechanisms;
import io.serai.sasl.SaslServer;
import io.serai.sasl.SaslStep;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** PLAIN (RFC 4616): one message {@code [authzid] NUL authcid NUL passwd}. */
public final class PlainServer implements SaslServer {

    private final CredentialStore credentials;
    private boolean done;

    public PlainServer(CredentialStore credentials) {
        this.credentials = credentials;
    }

    @Override
    public String mechanismName() {
        return SaslMechanisms.PLAIN;
    }

    @Override
    public SaslStep start(byte[] initialResponse) {
        if (initialResponse == null) {
            // RFC 4616 §2: the server sends an empty challenge when there is no initial response
            return new SaslStep.Challenge(new byte[0]);
        }
        return evaluate(initialResponse);
    }

    @Override
    public SaslStep evaluate(byte[] response) {
        if (done) {
            return SaslStep.malformed("exchange already finished");
        }
        done = true;
        int first = indexOf(response, 0);
        int second = first < 0 ? -1 : indexOf(response, first + 1);
        if (first < 0 || second < 0 || indexOf(response, second + 1) >= 0) {
            return SaslStep.malformed("PLAIN message must be [authzid] NUL authcid NUL passwd");
        }
        String authzid = new String(response, 0, first, StandardCharsets.UTF_8);
        String authcid = new String(response, first + 1, second - first - 1, StandardCharsets.UTF_8);
        byte[] password = Arrays.copyOfRange(response, second + 1, response.length);
        try {
            if (authcid.isEmpty() || password.length == 0) {
                return SaslStep.malformed("empty authentication identity or password");
            }
            // we do not support acting on behalf of another user (RFC 4616 §2 lets the server refuse)
            if (!authzid.isEmpty() && !authzid.equals(authcid)) {
                return SaslStep.failure("authorization identity differs from authentication identity");
            }
            return credentials.verifyPassword(authcid, password)
                    ? new SaslStep.Success(authcid, new byte[0])
                    : SaslStep.failure("invalid credentials");
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
