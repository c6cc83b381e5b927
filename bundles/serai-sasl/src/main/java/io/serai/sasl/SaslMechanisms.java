package io.serai.sasl;

import io.serai.sasl.internal.LoginServer;
import io.serai.sasl.internal.PlainServer;
import io.serai.sasl.internal.ScramSha256Server;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** Creates {@link SaslServer}s by mechanism name against one {@link CredentialStore}. */
public final class SaslMechanisms {

    public static final String PLAIN = "PLAIN";
    public static final String LOGIN = "LOGIN";
    public static final String SCRAM_SHA_256 = "SCRAM-SHA-256";

    /** The mechanisms supported, strongest first (the order servers advertise them in). */
    public static final List<String> SUPPORTED = List.of(SCRAM_SHA_256, PLAIN, LOGIN);

    private final CredentialStore credentials;
    private final Supplier<String> nonces;
    /** Keys the mock SCRAM salts of unknown users, so they are stable per user but unpredictable. */
    private final byte[] mockSecret = new byte[32];

    public SaslMechanisms(CredentialStore credentials) {
        this(credentials, randomNonces(new SecureRandom()));
    }

    /** With a given server nonce source, so tests can replay the RFC 7677 test vector. */
    public SaslMechanisms(CredentialStore credentials, Supplier<String> nonces) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        new SecureRandom().nextBytes(mockSecret);
    }

    /** A server for {@code mechanism} (case-insensitive), or empty if it is not supported. */
    public Optional<SaslServer> create(String mechanism) {
        return switch (mechanism.toUpperCase(Locale.ROOT)) {
            case PLAIN -> Optional.of(new PlainServer(credentials));
            case LOGIN -> Optional.of(new LoginServer(credentials));
            case SCRAM_SHA_256 -> Optional.of(new ScramSha256Server(credentials, nonces.get(), mockSecret));
            default -> Optional.empty();
        };
    }

    private static Supplier<String> randomNonces(SecureRandom random) {
        return () -> {
            byte[] bytes = new byte[18];
            random.nextBytes(bytes);
            // base64 never contains ',' so the nonce is a valid RFC 5802 printable value
            return Base64.getEncoder().withoutPadding().encodeToString(bytes);
        };
    }
}
