package io.serai.routes.http;

import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * HTTP Basic authentication (RFC 7617) against the store's accounts: the user-id is the account address, the
 * password its mail password. The credentials are decoded as UTF-8 (RFC 7617 §2.1, the charset we announce).
 */
final class BasicAuth {

    static final String CHALLENGE = "Basic realm=\"serai\", charset=\"UTF-8\"";

    private final BiPredicate<String, char[]> verifier;

    BasicAuth(BiPredicate<String, char[]> verifier) {
        this.verifier = verifier;
    }

    /** The authenticated account for an {@code Authorization} header value, or empty. */
    Optional<String> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(authorization.substring(6).strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        char[] chars;
        try {
            CharBuffer buffer = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(decoded));
            chars = Arrays.copyOf(buffer.array(), buffer.limit());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        } finally {
            Arrays.fill(decoded, (byte) 0);
        }
        try {
            int colon = indexOf(chars, ':');
            if (colon <= 0) {
                return Optional.empty();
            }
            String user = new String(chars, 0, colon).toLowerCase(Locale.ROOT);
            char[] password = Arrays.copyOfRange(chars, colon + 1, chars.length);
            try {
                return verifier.test(user, password) ? Optional.of(user) : Optional.empty();
            } finally {
                Arrays.fill(password, '\0');
            }
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private static int indexOf(char[] chars, char c) {
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
