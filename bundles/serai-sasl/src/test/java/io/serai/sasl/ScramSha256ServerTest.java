package io.serai.sasl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Replays the SCRAM-SHA-256 exchange of RFC 7677 §3 byte for byte. */
class ScramSha256ServerTest {

    private static final byte[] SALT = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
    private static final String SERVER_NONCE = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
    private static final String CLIENT_FIRST = "n,,n=user,r=rOprNGfwEbeRWgbNEkqO";
    private static final String SERVER_FIRST =
            "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
    private static final String CLIENT_FINAL = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
            + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
    private static final String SERVER_FINAL = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

    private final CredentialStore store = new InMemoryCredentialStore()
            .withCredential("user", Scram.deriveCredential("pencil", SALT, 4096));
    private final SaslMechanisms mechanisms = new SaslMechanisms(store, () -> SERVER_NONCE);

    @Test
    void rfc7677TestVector() {
        SaslServer server = mechanisms.create("scram-sha-256").orElseThrow();

        SaslStep first = server.start(CLIENT_FIRST.getBytes(UTF_8));
        assertThat(first).isInstanceOf(SaslStep.Challenge.class);
        assertThat(new String(((SaslStep.Challenge) first).challenge(), UTF_8)).isEqualTo(SERVER_FIRST);

        SaslStep last = server.evaluate(CLIENT_FINAL.getBytes(UTF_8));
        assertThat(last).isInstanceOf(SaslStep.Success.class);
        SaslStep.Success success = (SaslStep.Success) last;
        assertThat(success.user()).isEqualTo("user");
        assertThat(new String(success.additionalData(), UTF_8)).isEqualTo(SERVER_FINAL);
    }

    @Test
    void wrongProofFails() {
        SaslServer server = mechanisms.create("SCRAM-SHA-256").orElseThrow();
        server.start(CLIENT_FIRST.getBytes(UTF_8));
        String tampered = CLIENT_FINAL.replace("p=dHzb", "p=dHzc");
        assertThat(server.evaluate(tampered.getBytes(UTF_8)))
                .isEqualTo(new SaslStep.Failure("invalid proof", false));
    }

    @Test
    void tamperedNonceFails() {
        SaslServer server = mechanisms.create("SCRAM-SHA-256").orElseThrow();
        server.start(CLIENT_FIRST.getBytes(UTF_8));
        String tampered = CLIENT_FINAL.replace("k0,p=", "k1,p=");
        assertThat(server.evaluate(tampered.getBytes(UTF_8))).isInstanceOf(SaslStep.Failure.class);
    }

    @Test
    void channelBindingRequestIsRefused() {
        SaslServer server = mechanisms.create("SCRAM-SHA-256").orElseThrow();
        assertThat(server.start("p=tls-unique,,n=user,r=abc".getBytes(UTF_8)))
                .isEqualTo(new SaslStep.Failure("channel binding not supported", false));
    }

    @Test
    void unknownUserGetsAStableMockChallengeAndFailsAtTheProof() {
        SaslServer server = mechanisms.create("SCRAM-SHA-256").orElseThrow();
        SaslStep first = server.start("n,,n=nobody,r=abc".getBytes(UTF_8));
        assertThat(first).isInstanceOf(SaslStep.Challenge.class);
        String challenge = new String(((SaslStep.Challenge) first).challenge(), UTF_8);
        assertThat(challenge).startsWith("r=abc" + SERVER_NONCE + ",s=").endsWith(",i=4096");
        SaslServer again = mechanisms.create("SCRAM-SHA-256").orElseThrow();
        assertThat(new String(((SaslStep.Challenge) again.start("n,,n=nobody,r=abc".getBytes(UTF_8))).challenge(), UTF_8))
                .isEqualTo(challenge);
        String nonce = challenge.substring(2, challenge.indexOf(','));
        assertThat(server.evaluate(("c=biws,r=" + nonce + ",p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=")
                .getBytes(UTF_8))).isEqualTo(new SaslStep.Failure("invalid proof", false));
    }

    @Test
    void withoutInitialResponseSendsEmptyChallenge() {
        SaslServer server = mechanisms.create("SCRAM-SHA-256").orElseThrow();
        SaslStep step = server.start(null);
        assertThat(((SaslStep.Challenge) step).challenge()).isEmpty();
        assertThat(server.evaluate(CLIENT_FIRST.getBytes(UTF_8))).isInstanceOf(SaslStep.Challenge.class);
    }

    @Test
    void malformedClientFirstIsMalformed() {
        SaslServer server = mechanisms.create("SCRAM-SHA-256").orElseThrow();
        SaslStep step = server.start("garbage".getBytes(UTF_8));
        assertThat(step).isInstanceOf(SaslStep.Failure.class);
        assertThat(((SaslStep.Failure) step).malformed()).isTrue();
    }

    @Test
    void saslNameEscapesAreDecoded() {
        CredentialStore recording = new InMemoryCredentialStore()
                .withCredential("a,b=c", Scram.deriveCredential("pw", SALT, 4096));
        SaslServer server = new SaslMechanisms(recording, () -> "x").create("SCRAM-SHA-256").orElseThrow();
        assertThat(server.start("n,,n=a=2Cb=3Dc,r=abc".getBytes(UTF_8))).isInstanceOf(SaslStep.Challenge.class);
    }

    @Test
    void derivedCredentialVerifiesClearPassword() {
        assertThat(store.verifyPassword("user", "pencil".getBytes(UTF_8))).isTrue();
        assertThat(store.verifyPassword("user", "pencils".getBytes(UTF_8))).isFalse();
        assertThat(store.verifyPassword("nobody", "pencil".getBytes(UTF_8))).isFalse();
    }
}
