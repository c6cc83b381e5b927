package io.serai.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.Flags;
import io.serai.store.api.FlagUpdate;
import io.serai.store.api.Mailbox;
import io.serai.store.api.MailStore;
import io.serai.store.api.SystemFlag;
import io.serai.store.api.event.StoreEvent;
import io.serai.store.postgres.testing.PostgresExtension;
import io.serai.store.postgres.testing.PostgresServer;

/** Two stores on one schema behave as two nodes of one mail system. */
@ExtendWith(PostgresExtension.class)
class TwoNodesTest {
    private static final String USER = "alice@example.org";

    private MailStore a;
    private MailStore b;

    @BeforeEach
    void open(PostgresServer pg) throws Exception {
        String schema = "nodes_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        PostgresStoreConfig base = PostgresStoreConfig.defaults(pg.jdbcUrl(), pg.user(), pg.password())
                .withSchema(schema).withPoolSize(8);
        a = PostgresStores.open(base.withNodeId("a"));
        b = PostgresStores.open(base.withNodeId("b"));
        a.accounts().addDomain("example.org");
        a.accounts().createAccount(USER, "pencil".toCharArray());
    }

    @AfterEach
    void close() throws Exception {
        a.close();
        b.close();
    }

    @Test
    void anAppendOnOneNodeReachesTheOtherNodesListenersWithinASecond() throws Exception {
        List<StoreEvent> seen = new CopyOnWriteArrayList<>();
        b.addListener(seen::add);
        Mailbox inbox = a.mailboxes(USER).open("INBOX");
        Instant before = Instant.now();
        long uid = inbox.append(request("hello")).uid();
        await().atMost(Duration.ofSeconds(1)).until(() -> seen.stream().anyMatch(e ->
                e instanceof StoreEvent.MessageAdded m && m.uid() == uid && m.mailboxId() == inbox.id()));
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(1));

        b.mailboxes(USER).open("INBOX").updateFlags(new long[] {uid}, FlagUpdate.add(Flags.of(SystemFlag.SEEN)));
        assertThat(a.mailboxes(USER).open("INBOX").messages().get(0).flags().has(SystemFlag.SEEN)).isTrue();
        b.mailboxes(USER).open("INBOX").expunge(new long[] {uid});
        await().atMost(Duration.ofSeconds(1)).until(() -> seen.stream().anyMatch(e ->
                e instanceof StoreEvent.MessagesExpunged x && Arrays.equals(x.uids(), new long[] {uid})));
        assertThat(seen.stream().filter(e -> e.mailboxId() == inbox.id() && !(e instanceof StoreEvent.MailboxCreated))
                .map(e -> e.getClass().getSimpleName()))
                .containsExactly("MessageAdded", "FlagsChanged", "MessagesExpunged");
    }

    @Test
    void concurrentAppendsFromTwoNodesGetUniqueIncreasingUidsAndKeepTheirBytes() throws Exception {
        int perNode = 1000;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (MailStore node : List.of(a, b)) {
                Mailbox inbox = node.mailboxes(USER).open("INBOX");
                for (int t = 0; t < 8; t++) {
                    int thread = t;
                    String name = node == a ? "a" : "b";
                    results.add(pool.submit(() -> {
                        long[] uids = new long[perNode / 8];
                        for (int i = 0; i < uids.length; i++) {
                            uids[i] = inbox.append(request(name + "-" + thread + "-" + i)).uid();
                        }
                        return uids;
                    }));
                }
            }
            Set<Long> all = ConcurrentHashMap.newKeySet();
            for (Future<long[]> f : results) {
                long[] uids = f.get();
                for (int i = 1; i < uids.length; i++) {
                    assertThat(uids[i]).isGreaterThan(uids[i - 1]);
                }
                Arrays.stream(uids).forEach(all::add);
            }
            assertThat(all).hasSize(2 * perNode);
            Mailbox inbox = b.mailboxes(USER).open("INBOX");
            assertThat(inbox.uids()).hasSize(2 * perNode);
            assertThat(inbox.info().uidNext()).isEqualTo(2 * perNode + 1);
            long uid = inbox.uids()[1234];
            String body = new String(inbox.content(uid).openStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(body).startsWith("Subject: ").endsWith("\r\n\r\nbody\r\n");
            assertThat(a.accounts().quota(USER).messages()).isEqualTo(2 * perNode);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void mailboxesCreatedOnTwoNodesNeverShareAUidValidity() throws Exception {
        List<Long> validities = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                MailStore node = i % 2 == 0 ? a : b;
                String name = "Folder" + i;
                done.add(pool.submit(() -> validities.add(node.mailboxes(USER).create(name).info().uidValidity())));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Set.copyOf(validities)).hasSize(40);
    }

    private static AppendRequest request(String subject) {
        byte[] m = ("Subject: " + subject + "\r\nFrom: bob@example.net\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);
        return new AppendRequest(ContentSource.of(new ByteArrayInputStream(m)), Instant.now(), Flags.NONE);
    }
}
