package io.serai.routes.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.serai.routes.relay.spool.Spool;
import io.serai.routes.relay.spool.SpoolEntry;
import io.serai.routes.relay.spool.WorkQueueSpool;
import io.serai.store.postgres.PostgresMailStore;
import io.serai.store.postgres.PostgresStoreConfig;
import io.serai.store.postgres.PostgresStores;
import io.serai.store.postgres.testing.PostgresServer;

/**
 * Every relay queue decision of {@link RelayQueueTest} again, over the work queues of a PostgreSQL store, plus what
 * only a shared queue has: two nodes never send one message twice, and a dead node's mail is sent by the other.
 */
class RelayQueueOnSharedStoreTest extends RelayQueueTest {
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static PostgresServer pg;

    private final List<PostgresMailStore> stores = new ArrayList<>();
    private String schema;

    @BeforeAll
    static void startDatabase() throws Exception {
        pg = PostgresServer.start(java.util.Map.of("fsync", "off"));
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        pg.close();
    }

    @AfterEach
    void closeStores() throws Exception {
        for (PostgresMailStore s : stores) {
            s.close();
        }
    }

    @Override
    Spool openSpool() throws Exception {
        if (schema == null) {
            schema = "relay_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        }
        // opened again by a test: a restart, a new node object over the same schema
        return node("a" + stores.size());
    }

    private WorkQueueSpool node(String name) throws Exception {
        PostgresMailStore store = PostgresStores.open(PostgresStoreConfig.defaults(pg.jdbcUrl(), pg.user(),
                pg.password()).withSchema(schema).withPoolSize(4).withLeaseTime(LEASE).withNodeId(name));
        stores.add(store);
        return new WorkQueueSpool(store.coordination().orElseThrow());
    }

    @Test
    void twoNodesRelayingFromOneQueueSendEachMessageOnce() throws Exception {
        WorkQueueSpool a = node("a2");
        WorkQueueSpool b = node("b2");
        for (int i = 0; i < 60; i++) {
            a.enqueue("s@x.test", List.of("r" + i + "@y.test"), content(), Instant.now());
        }
        List<String> sent = Collections.synchronizedList(new ArrayList<>());
        RelayQueue onA = queue(a, sent);
        RelayQueue onB = queue(b, sent);
        Thread other = new Thread(() -> {
            try {
                while (onB.runOnce() > 0) {
                    // drain
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        other.start();
        while (onA.runOnce() > 0) {
            // drain
        }
        other.join();
        assertThat(sent).hasSize(60).doesNotHaveDuplicates();
        assertThat(a.queued()).isEmpty();
    }

    @Test
    void whatADeadNodeHadClaimedIsSentByTheOtherOnceItsClaimsExpire() throws Exception {
        WorkQueueSpool a = node("a3");
        WorkQueueSpool b = node("b3");
        a.enqueue("s@x.test", List.of("far@y.test"), content(), Instant.now());
        List<SpoolEntry> claimedByA = a.due(Instant.now());
        assertThat(claimedByA).hasSize(1);
        assertThat(b.due(Instant.now())).as("claimed by a").isEmpty();
        stores.get(stores.size() - 2).close(); // node a dies holding the claim: nothing renews it
        stores.remove(stores.size() - 2);
        List<String> sent = Collections.synchronizedList(new ArrayList<>());
        RelayQueue onB = queue(b, sent);
        await().atMost(LEASE.multipliedBy(3)).until(() -> onB.runOnce() > 0);
        assertThat(sent).containsExactly("far@y.test");
        assertThat(a.owns(claimedByA.get(0))).isFalse();
        assertThat(b.queued()).isEmpty();
    }

    private static RelayQueue queue(Spool spool, List<String> sent) {
        Transmitter t = (entry, content) -> {
            sent.addAll(entry.recipients());
            return List.of();
        };
        return new RelayQueue(spool, t, (sender, report) -> { }, new DsnReport("mx.test"),
                new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(30), 2), Duration.ofHours(1),
                java.time.Clock.systemUTC());
    }

    private static ByteArrayInputStream content() {
        return new ByteArrayInputStream("Subject: s\r\n\r\nb\r\n".getBytes(StandardCharsets.US_ASCII));
    }
}
