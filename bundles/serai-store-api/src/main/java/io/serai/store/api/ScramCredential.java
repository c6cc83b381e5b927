package io.serai.store.api;

import java.util.Arrays;

/**
 * SCRAM-SHA-256 stored credential (RFC 5802 section 3, RFC 7677): what a server keeps instead of the
 * password. Arrays are copied in and out so the record stays immutable.
 */
public record ScramCredential(byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {

    public ScramCredential {
        if (iterations < 4096) {
            // RFC 7677 section 4: the iteration count SHOULD be at least 4096
            throw new IllegalArgumentException("iterations < 4096: " + iterations);
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
        return Arrays.hashCode(storedKey);
    }

    @Override
    public String toString() {
        return "ScramCredential[iterations=" + iterations + "]";
    }
}
