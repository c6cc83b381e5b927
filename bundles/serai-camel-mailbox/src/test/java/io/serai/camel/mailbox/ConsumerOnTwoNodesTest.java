package io.serai.camel.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.MailStore;
import io.serai.store.postgres.PostgresStoreConfig;
import io.serai.store.postgres.PostgresStores;
import io.serai.store.postgres.testing.PostgresServer;

/**
 * The same mailbox: route on two nodes of one PostgreSQL store: one node consumes the folder at a time, each message
 * reaches a route once, and when that node's route stops the other one carries on from the saved cursor.
 */
class ConsumerOnTwoNodesTest {
    private static final String ALICE = "alice@caravan.test";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private PostgresServer pg;
    private MailStore nodeA;
    private MailStore nodeB;
    private CamelContext camelA;
    private CamelContext camelB;
    private final List<String> onA = new CopyOnWriteArrayList<>();
    private final List<String> onB = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        pg = PostgresServer.start(Map.of("fsync", "off"));
        PostgresStoreConfig config = PostgresStoreConfig.defaults(pg.jdbcUrl(), pg.user(), pg.password())
                .withPoolSize(4).withLeaseTime(Duration.ofSeconds(3));
        nodeA = PostgresStores.open(config.withNodeId("a"));
        nodeB = PostgresStores.open(config.withNodeId("b"));
        nodeA.accounts().addDomain("caravan.test");
        nodeA.accounts().createAccount(ALICE, "pw".toCharArray());
        nodeA.mailboxes(ALICE).create("Tickets");
        camelA = camel(nodeA, onA);
        camelB = camel(nodeB, onB);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {camelA, camelB, nodeA, nodeB, pg}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private static CamelContext camel(MailStore store, List<String> seen) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("store", store);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("mailbox:" + ALICE + "/Tickets?store=#store").routeId("tickets")
                        .process(e -> seen.add(Delivered.of(e).subject()));
            }
        });
        camel.start();
        return camel;
    }

    private void append(String subject) throws Exception {
        byte[] m = StoreFixture.message(subject);
        nodeA.mailboxes(ALICE).open("Tickets").append(AppendRequest.of(ContentSource.of(new ByteArrayInputStream(m))));
    }

    @Test
    void oneNodeConsumesAtATimeAndTheOtherTakesOverFromTheSavedCursor() throws Exception {
        for (int i = 0; i < 20; i++) {
            append("m" + i);
        }
        await().atMost(WAIT).until(() -> onA.size() + onB.size() == 20);
        List<String> first = onA.isEmpty() ? onB : onA;
        assertThat(onA.isEmpty() || onB.isEmpty()).as("one node consumed the folder").isTrue();
        assertThat(first).hasSize(20).doesNotHaveDuplicates();

        // the consuming node's route stops (its lease is released): the other takes over without redelivering
        (first == onA ? camelA : camelB).getRouteController().stopRoute("tickets");
        List<String> other = first == onA ? onB : onA;
        for (int i = 20; i < 30; i++) {
            append("m" + i);
        }
        await().atMost(WAIT).until(() -> other.size() == 10);
        assertThat(other).containsExactly("m20", "m21", "m22", "m23", "m24", "m25", "m26", "m27", "m28", "m29");
        assertThat(first).hasSize(20);
    }
}
