package io.serai.smtp.protocol;

import io.serai.sasl.InMemoryCredentialStore;
import io.serai.smtp.api.Limits;
import io.serai.smtp.api.ListenerKind;
import io.serai.smtp.api.RecipientValidator;
import io.serai.smtp.api.RelayPolicy;
import io.serai.smtp.api.SmtpServerConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;

final class Fixtures {

    static final Set<String> KNOWN = Set.of("alice@example.org", "bob@example.org");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

    private Fixtures() {
    }

    static SmtpServerConfig.Builder mta() {
        return SmtpServerConfig.builder()
                .hostname("mx.example.org")
                .relayPolicy(RelayPolicy.forDomains("example.org"))
                .recipientValidator(a -> KNOWN.contains(a.toLowerCase())
                        ? RecipientValidator.RecipientStatus.ACCEPT : RecipientValidator.RecipientStatus.UNKNOWN_USER)
                .messageHandler((e, c) -> CompletableFuture.completedFuture(null))
                .clock(CLOCK)
                .limits(Limits.defaults().withMaxMessageSize(10_000).withMaxRecipients(3).withMaxErrors(5)
                        .withSpoolThreshold(100));
    }

    static SmtpServerConfig.Builder submission() throws Exception {
        return mta().kind(ListenerKind.SUBMISSION)
                .sslContext(SSLContext.getDefault())
                .credentials(new InMemoryCredentialStore().withUser("alice@example.org", "secret"));
    }
}
