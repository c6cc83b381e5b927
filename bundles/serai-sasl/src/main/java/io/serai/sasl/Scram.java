package io.serai.sasl;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/** The SCRAM-SHA-256 primitives of RFC 5802 §2.2 and §3, with SHA-256 as RFC 7677 defines. */
public final class Scram {

    /** RFC 7677 §4: the minimum iteration count a server should use. */
    public static final int DEFAULT_ITERATIONS = 4096;

    private Scram() {
    }

    /** Derives the credential the store keeps for {@code password}, with a fresh 16-byte random salt. */
    public static ScramCredential newCredential(String password, SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return deriveCredential(password, salt, DEFAULT_ITERATIONS);
    }

    /**
     * Derives the credential for {@code password}. The password should already be SASLprep-normalised (RFC 4013);
     * this class does not normalise, so non-ASCII passwords must be stored and offered in the same form.
     */
    public static ScramCredential deriveCredential(String password, byte[] salt, int iterations) {
        byte[] saltedPassword = saltedPassword(password, salt, iterations);
        byte[] clientKey = hmac(saltedPassword, "Client Key".getBytes(StandardCharsets.US_ASCII));
        byte[] serverKey = hmac(saltedPassword, "Server Key".getBytes(StandardCharsets.US_ASCII));
        return new ScramCredential(salt, iterations, sha256(clientKey), serverKey);
    }

    static byte[] saltedPassword(String password, byte[] salt, int iterations) {
        try {
            SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            try {
                return factory.generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is required by the Java platform", e);
        }
    }

    public static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
        }
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
