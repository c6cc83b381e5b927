package io.serai.sasl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainAndLoginTest {

    private final SaslMechanisms mechanisms =
            new SaslMechanisms(new InMemoryCredentialStore().withUser("tim", "tanstaaftanstaaf"));

    @Test
    void plainWithInitialResponse() {
        SaslServer server = mechanisms.create("PLAIN").orElseThrow();
        SaslStep step = server.start("\0tim\0tanstaaftanstaaf".getBytes(UTF_8));
        assertThat(step).isInstanceOf(SaslStep.Success.class);
        assertThat(((SaslStep.Success) step).user()).isEqualTo("tim");
    }

    @Test
    void plainWithoutInitialResponseSendsEmptyChallenge() {
        SaslServer server = mechanisms.create("PLAIN").orElseThrow();
        assertThat(((SaslStep.Challenge) server.start(null)).challenge()).isEmpty();
        assertThat(server.evaluate("tim\0tim\0tanstaaftanstaaf".getBytes(UTF_8)))
                .isInstanceOf(SaslStep.Success.class);
    }

    @Test
    void plainRejectsWrongPasswordAndProxyAuthorization() {
        assertThat(mechanisms.create("PLAIN").orElseThrow().start("\0tim\0wrong".getBytes(UTF_8)))
                .isEqualTo(new SaslStep.Failure("invalid credentials", false));
        assertThat(mechanisms.create("PLAIN").orElseThrow().start("root\0tim\0tanstaaftanstaaf".getBytes(UTF_8)))
                .isInstanceOf(SaslStep.Failure.class);
    }

    @Test
    void plainMalformedMessages() {
        for (String bad : new String[] {"tim", "\0tim", "a\0b\0c\0d", "\0\0pw", "\0tim\0"}) {
            SaslStep step = mechanisms.create("PLAIN").orElseThrow().start(bad.getBytes(UTF_8));
            assertThat(step).as(bad).isInstanceOf(SaslStep.Failure.class);
            assertThat(((SaslStep.Failure) step).malformed()).as(bad).isTrue();
        }
    }

    @Test
    void loginAsksUserThenPassword() {
        SaslServer server = mechanisms.create("login").orElseThrow();
        assertThat(((SaslStep.Challenge) server.start(null)).challenge()).isEqualTo("Username:".getBytes(UTF_8));
        assertThat(((SaslStep.Challenge) server.evaluate("tim".getBytes(UTF_8))).challenge())
                .isEqualTo("Password:".getBytes(UTF_8));
        assertThat(server.evaluate("tanstaaftanstaaf".getBytes(UTF_8))).isInstanceOf(SaslStep.Success.class);
    }

    @Test
    void loginWithUserAsInitialResponseAndWrongPassword() {
        SaslServer server = mechanisms.create("LOGIN").orElseThrow();
        assertThat(((SaslStep.Challenge) server.start("tim".getBytes(UTF_8))).challenge())
                .isEqualTo("Password:".getBytes(UTF_8));
        assertThat(server.evaluate("nope".getBytes(UTF_8))).isInstanceOf(SaslStep.Failure.class);
    }

    @Test
    void unknownMechanism() {
        assertThat(mechanisms.create("CRAM-MD5")).isEmpty();
    }
}
