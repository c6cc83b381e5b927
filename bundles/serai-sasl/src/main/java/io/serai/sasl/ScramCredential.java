package io.serai.sasl;

import java.util.Arrays;
import java.util.Objects;

/**
 * A SCRAM-SHA-256 credential as stored by the user store (RFC 5802 §3): the server never needs the password.
 *
 * @param salt       the PBKDF2 salt
 * @param iterations the PBKDF2 iteration count (RFC 7677 §4 asks for at least 4096)
 * @param storedKey  H(HMAC(SaltedPassword, "Client Key"))
 * @param serverKey  HMAC(SaltedPassword, "Server Key")
 */
public record ScramCredential(byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {

    public ScramCredential {
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(storedKey, "storedKey");
        Objects.requireNonNull(serverKey, "serverKey");
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive: " + iterations);
        }
        salt = salt.clone();
        storedKey = storedKey.clone();
        serverKey = serverKey.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] storedKey() {
        return storedKey.clone();
    }

    @Override
    public byte[] serverKey() {
        return serverKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScramCredential c && iterations == c.iterations && Arrays.equals(salt, c.salt)
                && Arrays.equals(storedKey, c.storedKey) && Arrays.equals(serverKey, c.serverKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(salt), iterations, Arrays.hashCode(storedKey));
    }

    @Override
    public String toString() {
        return "ScramCredential[iterations=" + iterations + ", secrets hidden]";
    }
}
