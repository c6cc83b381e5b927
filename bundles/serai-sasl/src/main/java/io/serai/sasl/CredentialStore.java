package io.serai.sasl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The seam between the SASL mechanisms and the user store. The store keeps passwords only as SCRAM-SHA-256
 * credentials derived with PBKDF2WithHmacSHA256, so {@link #verifyPassword} has a default that checks a clear
 * password (PLAIN, LOGIN) against that credential.
 *
 * <p>Implementations may block (a database look-up): the protocol servers call them off the network I/O threads.
 */
public interface CredentialStore {

    /** The SCRAM-SHA-256 credential of {@code user}, or empty if there is no such user. */
    Optional<ScramCredential> scramCredential(String user);

    /** Whether {@code password} (UTF-8 bytes) is the password of {@code user}. */
    default boolean verifyPassword(String user, byte[] password) {
        Optional<ScramCredential> credential = scramCredential(user);
        if (credential.isEmpty()) {
            // do the same PBKDF2 work as for a real user, so the reply time does not reveal which users exist
            Scram.deriveCredential(new String(password, StandardCharsets.UTF_8), new byte[16], Scram.DEFAULT_ITERATIONS);
            return false;
        }
        ScramCredential stored = credential.get();
        ScramCredential offered = Scram.deriveCredential(
                new String(password, StandardCharsets.UTF_8), stored.salt(), stored.iterations());
        // constant time, so a timing side channel does not tell how much of the key matched
        return MessageDigest.isEqual(offered.storedKey(), stored.storedKey());
    }
}
