package io.serai.store.support.auth;

import java.util.Arrays;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import io.serai.store.api.ScramCredential;

/**
 * Derives SCRAM-SHA-256 credentials (RFC 5802 section 3): SaltedPassword = PBKDF2-HMAC-SHA-256,
 * StoredKey = H(HMAC(SaltedPassword, "Client Key")), ServerKey = HMAC(SaltedPassword, "Server Key").
 * Passwords are NFKC-normalized as an approximation of SASLprep (RFC 4013), which the JDK lacks.
 */
public final class ScramHasher {
    private static final int SALT_BYTES = 16;
    private final int iterations;
    private final SecureRandom random;

    public ScramHasher(int iterations, SecureRandom random) {
        this.iterations = iterations;
        this.random = random;
    }

    public ScramCredential newCredential(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return derive(password, salt, iterations);
    }

    public static ScramCredential derive(char[] password, byte[] salt, int iterations) {
        byte[] salted = saltedPassword(password, salt, iterations);
        byte[] clientKey = hmac(salted, "Client Key");
        return new ScramCredential(salt, iterations, sha256(clientKey), hmac(salted, "Server Key"));
    }

    /** Constant-time check of a plain password against a stored credential. */
    public static boolean matches(char[] password, ScramCredential stored) {
        ScramCredential offered = derive(password, stored.salt(), stored.iterations());
        return MessageDigest.isEqual(offered.storedKey(), stored.storedKey());
    }

    private static byte[] saltedPassword(char[] password, byte[] salt, int iterations) {
        char[] normalized = Normalizer.normalize(java.nio.CharBuffer.wrap(password), Normalizer.Form.NFKC)
                .toCharArray();
        PBEKeySpec spec = new PBEKeySpec(normalized, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(normalized, '\0');
        }
    }

    static byte[] hmac(byte[] key, String data) {
        return hmac(key, data.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
