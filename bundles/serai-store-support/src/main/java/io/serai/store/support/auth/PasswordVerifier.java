package io.serai.store.support.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.serai.store.api.ScramCredential;

/**
 * Verifies plain passwords and remembers successes, so a client that logs in every minute does not cost
 * a full PBKDF2 each time. The cache key is an HMAC of account and password under a random per-process
 * key (never the password itself); the entry is only valid for the StoredKey it was checked against, so a
 * password change invalidates it.
 */
public final class PasswordVerifier {
    private final byte[] cacheKey = new byte[32];
    private final Map<String, byte[]> verified;

    public PasswordVerifier(SecureRandom random, int maxEntries) {
        random.nextBytes(cacheKey);
        this.verified = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                return size() > maxEntries;
            }
        };
    }

    public boolean verify(String account, char[] password, ScramCredential stored) {
        String key = cacheKey(account, password);
        byte[] storedKey = stored.storedKey();
        byte[] known;
        synchronized (verified) {
            known = verified.get(key);
        }
        if (known != null && MessageDigest.isEqual(known, storedKey)) {
            return true;
        }
        if (!ScramHasher.matches(password, stored)) {
            return false;
        }
        synchronized (verified) {
            verified.put(key, storedKey);
        }
        return true;
    }

    private String cacheKey(String account, char[] password) {
        ByteBuffer pw = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] a = account.getBytes(StandardCharsets.UTF_8);
        byte[] data = new byte[a.length + 1 + pw.remaining()];
        System.arraycopy(a, 0, data, 0, a.length);
        pw.get(data, a.length + 1, pw.remaining());
        try {
            return Base64.getEncoder().encodeToString(ScramHasher.hmac(cacheKey, data));
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }
}
