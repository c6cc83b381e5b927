package io.serai.routes.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.serai.routes.relay.spool.RelaySpool;
import io.serai.routes.relay.spool.Spool;
import io.serai.routes.relay.spool.SpoolEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue's decisions with a scripted transmitter and a clock the test moves. */
class RelayQueueTest {


    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final Duration LIFETIME = Duration.ofHours(2);

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock();
    private final Map<String, RecipientFailure> script = new ConcurrentHashMap<>();
    private final List<List<String>> attempts = new ArrayList<>();
    private final List<String> bounces = new ArrayList<>();
    private Spool spool;
    private RelayQueue queue;

    @BeforeEach
    void setUp() throws Exception {
        spool = openSpool();
        Transmitter transmitter = (entry, content) -> {
            attempts.add(entry.recipients());
            return entry.recipients().stream().filter(script::containsKey).map(script::get).toList();
        };
        BounceSink sink = (sender, report) -> bounces.add(sender + "\n" + new String(report, StandardCharsets.US_ASCII));
        queue = new RelayQueue(spool, transmitter, sink, new DsnReport("mx.test"),
                new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(30), 2), LIFETIME, clock);
    }

    /** The spool under test: the directory one here; the shared store's work queues in a subclass. */
    Spool openSpool() throws Exception {
        return new RelaySpool(dir);
    }

    private SpoolEntry enqueue(String sender, String... recipients) throws Exception {
        return spool.enqueue(sender, List.of(recipients),
                new ByteArrayInputStream("Subject: s\r\n\r\nb\r\n".getBytes(StandardCharsets.US_ASCII)), clock.instant());
    }

    @Test
    void deliveredMessagesLeaveTheQueue() throws Exception {
        enqueue("a@x.test", "b@y.test");

        assertThat(queue.runOnce()).isEqualTo(1);

        assertThat(attempts).containsExactly(List.of("b@y.test"));
        assertThat(spool.queued()).isEmpty();
        assertThat(spool.deadLetters()).isEmpty();
        assertThat(bounces).isEmpty();
    }

    @Test
    void temporaryFailuresAreRetriedWithGrowingDelaysForThePendingRecipientsOnly() throws Exception {
        enqueue("a@x.test", "ok@y.test", "later@y.test");
        script.put("later@y.test", RecipientFailure.fromReply("later@y.test", 451, "451 4.3.0 busy"));

        queue.runOnce();
        SpoolEntry deferred = spool.queued().get(0);
        assertThat(deferred.recipients()).containsExactly("later@y.test");
        assertThat(deferred.nextAttempt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(deferred.lastError()).isEqualTo("451 4.3.0 busy");

        clock.advance(Duration.ofSeconds(59));
        assertThat(queue.runOnce()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(queue.runOnce()).isOne();
        assertThat(spool.queued().get(0).nextAttempt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));

        script.clear();
        clock.advance(Duration.ofMinutes(2));
        queue.runOnce();
        assertThat(attempts).containsExactly(List.of("ok@y.test", "later@y.test"), List.of("later@y.test"),
                List.of("later@y.test"));
        assertThat(spool.queued()).isEmpty();
        assertThat(bounces).isEmpty();
    }

    @Test
    void permanentFailuresBounceAtOnceAndBecomeDeadLetters() throws Exception {
        enqueue("a@x.test", "ok@y.test", "nobody@y.test");
        script.put("nobody@y.test", RecipientFailure.fromReply("nobody@y.test", 550, "550 5.1.1 No such user"));

        queue.runOnce();

        assertThat(spool.queued()).isEmpty();
        assertThat(spool.deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.recipients()).containsExactly("nobody@y.test");
            assertThat(letter.lastError()).isEqualTo("550 5.1.1 No such user");
        });
        assertThat(bounces).singleElement().asString().startsWith("a@x.test\n")
                .contains("Final-Recipient: rfc822; nobody@y.test", "Status: 5.1.1")
                .doesNotContain("Final-Recipient: rfc822; ok@y.test");
    }

    @Test
    void afterTheLifetimeTemporaryFailuresBounceAsExpired() throws Exception {
        enqueue("a@x.test", "later@y.test");
        script.put("later@y.test", RecipientFailure.local("later@y.test", "Connection refused"));

        for (int i = 0; i < 20 && !spool.queued().isEmpty(); i++) {
            queue.runOnce();
            clock.advance(Duration.ofMinutes(30));
        }

        assertThat(spool.queued()).isEmpty();
        assertThat(attempts.size()).isBetween(4, 6);
        assertThat(spool.deadLetters()).singleElement().satisfies(letter ->
                assertThat(letter.attempts()).isEqualTo(attempts.size() - 1));
        assertThat(bounces).singleElement().asString().contains("Status: 4.4.7", "Connection refused")
                .doesNotContain("Diagnostic-Code");
    }

    @Test
    void bouncesAreNeverBounced() throws Exception {
        enqueue("", "nobody@y.test");
        script.put("nobody@y.test", RecipientFailure.fromReply("nobody@y.test", 550, "550 5.1.1 No such user"));

        queue.runOnce();

        assertThat(bounces).isEmpty();
        assertThat(spool.deadLetters()).hasSize(1);
    }

    @Test
    void theQueueSurvivesARestart() throws Exception {
        enqueue("a@x.test", "later@y.test");
        script.put("later@y.test", RecipientFailure.local("later@y.test", "Connection refused"));
        queue.runOnce();
        script.clear();

        setUp(); // a new spool and queue over the same directory, as after a restart
        clock.advance(Duration.ofMinutes(1));
        queue.runOnce();

        assertThat(attempts).hasSize(2);
        assertThat(spool.queued()).isEmpty();
    }

    private static final class MovableClock extends Clock {
        private Instant now = T0;

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
