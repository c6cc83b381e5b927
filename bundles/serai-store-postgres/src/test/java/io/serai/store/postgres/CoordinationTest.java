package io.serai.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.serai.store.api.ContentSource;
import io.serai.store.api.StoreException;
import io.serai.store.api.cluster.Coordination;
import io.serai.store.api.cluster.Lease;
import io.serai.store.api.cluster.QueueEntry;
import io.serai.store.api.cluster.WorkQueue;
import io.serai.store.postgres.testing.PostgresExtension;
import io.serai.store.postgres.testing.PostgresServer;

/** Leases, records and work queues between two nodes (two stores on one schema), with short leases. */
@ExtendWith(PostgresExtension.class)
class CoordinationTest {
    private static final Duration LEASE = Duration.ofSeconds(3);

    private PostgresMailStore a;
    private PostgresMailStore b;
    private Coordination ca;
    private Coordination cb;

    @BeforeEach
    void open(PostgresServer pg) throws Exception {
        String schema = "coord_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        PostgresStoreConfig base = PostgresStoreConfig.defaults(pg.jdbcUrl(), pg.user(), pg.password())
                .withSchema(schema).withPoolSize(6).withLeaseTime(LEASE);
        a = PostgresStores.open(base.withNodeId("a"));
        b = PostgresStores.open(base.withNodeId("b"));
        ca = a.coordination().orElseThrow();
        cb = b.coordination().orElseThrow();
    }

    @AfterEach
    void close() throws Exception {
        if (a != null) {
            a.close();
        }
        b.close();
    }

    @Test
    void aLeaseHasOneHolderAcrossNodesAndIsRenewedWhileHeld() throws Exception {
        Lease held = ca.leases().tryAcquire("pop3-maildrop:alice").orElseThrow();
        assertThat(cb.leases().tryAcquire("pop3-maildrop:alice")).isEmpty();
        assertThat(ca.leases().tryAcquire("pop3-maildrop:alice")).as("exclusive on its own node too").isEmpty();
        assertThat(cb.leases().isHeld("pop3-maildrop:alice")).isTrue();
        // held past its lease time: renewal keeps it
        Instant until = Instant.now().plus(LEASE.multipliedBy(2));
        await().atMost(LEASE.multipliedBy(3)).until(() -> Instant.now().isAfter(until));
        assertThat(held.isValid()).isTrue();
        assertThat(cb.leases().tryAcquire("pop3-maildrop:alice")).isEmpty();
        held.close();
        assertThat(cb.leases().tryAcquire("pop3-maildrop:alice")).isPresent();
    }

    @Test
    void aDeadNodesLeaseIsTakenOverAfterItExpires() throws Exception {
        Lease held = ca.leases().tryAcquire("route:folder").orElseThrow();
        a.close(); // stops renewing without releasing, as a killed node would
        a = null;
        Instant start = Instant.now();
        Optional<Lease>[] taken = new Optional[] {Optional.empty()};
        await().atMost(LEASE.multipliedBy(3)).until(() -> (taken[0] = cb.leases().tryAcquire("route:folder")).isPresent());
        assertThat(Duration.between(start, Instant.now())).isLessThan(LEASE.plusSeconds(2));
        await().atMost(LEASE).until(() -> !held.isValid());
    }

    @Test
    void recordsAreSharedAndBounded() throws Exception {
        ca.records().put("mailbox-consumer:x", new byte[] {1, 2, 3});
        assertThat(cb.records().get("mailbox-consumer:x")).contains(new byte[] {1, 2, 3});
        cb.records().put("mailbox-consumer:x", new byte[] {4});
        assertThat(ca.records().get("mailbox-consumer:x")).contains(new byte[] {4});
        ca.records().remove("mailbox-consumer:x");
        assertThat(cb.records().get("mailbox-consumer:x")).isEmpty();
        assertThatThrownBy(() -> ca.records().put("big", new byte[(64 << 10) + 1])).isInstanceOf(StoreException.class);
    }

    @Test
    void twoNodesRacingOverAQueueClaimEveryEntryExactlyOnce() throws Exception {
        WorkQueue qa = ca.queue("relay");
        WorkQueue qb = cb.queue("relay");
        for (int i = 0; i < 200; i++) {
            qa.enqueue(Map.of("n", Integer.toString(i)), bytes(new byte[] {(byte) i}), Instant.now());
        }
        Set<String> done = ConcurrentHashMap.newKeySet();
        List<String> duplicates = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (WorkQueue q : List.of(qa, qb, qa, qb)) {
                workers.add(pool.submit(() -> {
                    for (List<WorkQueue.Claim> claims = q.claimDue(Instant.now(), 7); !claims.isEmpty();
                         claims = q.claimDue(Instant.now(), 7)) {
                        for (WorkQueue.Claim c : claims) {
                            if (!done.add(c.entry().attributes().get("n"))) {
                                synchronized (duplicates) {
                                    duplicates.add(c.entry().id());
                                }
                            }
                            c.complete();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(duplicates).isEmpty();
        assertThat(done).hasSize(200);
        assertThat(qa.entries()).isEmpty();
    }

    @Test
    void aClaimBlocksOtherNodesUntilReleasedOrExpiredAndAStaleClaimCannotComplete() throws Exception {
        WorkQueue qa = ca.queue("relay");
        WorkQueue qb = cb.queue("relay");
        QueueEntry e = qa.enqueue(Map.of("to", "x@example.net"), bytes(new byte[] {42}), Instant.now());
        WorkQueue.Claim claim = qa.claimDue(Instant.now(), 10).get(0);
        assertThat(qb.claimDue(Instant.now(), 10)).isEmpty();
        assertThatThrownBy(() -> qb.remove(e)).isInstanceOf(StoreException.class);
        claim.close();
        WorkQueue.Claim onB = qb.claimDue(Instant.now(), 10).get(0);
        assertThat(onB.entry().id()).isEqualTo(e.id());
        // node b dies holding it: a takes over once the claim expires, and b's late completion is refused
        b.coordination().map(PgCoordinationCloser::new).orElseThrow().stopRenewing();
        await().atMost(LEASE.multipliedBy(3)).until(() -> !qa.claimDue(Instant.now(), 10).isEmpty());
        assertThat(onB.isValid()).isFalse();
        assertThatThrownBy(onB::complete).isInstanceOf(StoreException.class);
    }

    @Test
    void contentRoundTripsAndIsSharedBetweenCopies() throws Exception {
        WorkQueue relay = ca.queue("relay");
        WorkQueue dead = ca.queue("relay-dead");
        byte[] big = new byte[1_000_003];
        new Random(7).nextBytes(big);
        relay.enqueue(Map.of("from", "a@example.org"), bytes(big), Instant.now());
        WorkQueue.Claim claim = relay.claimDue(Instant.now(), 1).get(0);
        assertThat(claim.entry().size()).isEqualTo(big.length);
        QueueEntry letter = claim.copyTo(dead, Map.of("error", "550 no"), Instant.now());
        claim.complete();
        assertThat(relay.entries()).isEmpty();
        try (InputStream in = cb.queue("relay-dead").open(letter)) {
            assertThat(in.readAllBytes()).isEqualTo(big);
        }
        QueueEntry replayed = dead.transfer(letter, relay, Map.of("from", "a@example.org"), Instant.now());
        assertThat(dead.entries()).isEmpty();
        try (InputStream in = relay.open(replayed)) {
            assertThat(in.readAllBytes()).isEqualTo(big);
        }
        relay.remove(replayed);
        assertThat(relay.entries()).isEmpty();
    }

    private static ContentSource bytes(byte[] data) {
        return () -> new ByteArrayInputStream(data);
    }

    /** Simulates a node that stops renewing (paused or cut off) while its objects stay in use. */
    private record PgCoordinationCloser(Coordination c) {
        void stopRenewing() throws Exception {
            ((AutoCloseable) c).close();
        }
    }
}
