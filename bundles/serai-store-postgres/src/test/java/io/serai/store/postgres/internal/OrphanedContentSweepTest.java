package io.serai.store.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.Flags;
import io.serai.store.api.Mailbox;
import io.serai.store.postgres.PostgresStoreConfig;
import io.serai.store.postgres.testing.PostgresExtension;
import io.serai.store.postgres.testing.PostgresServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two transactions that expunge the last two copies of one content at once each see the other's copy and keep the
 * content: the periodic prune removes what no message refers to, and nothing else.
 */
@ExtendWith(PostgresExtension.class)
class OrphanedContentSweepTest {

    private final PostgresServer server;

    OrphanedContentSweepTest(PostgresServer server) {
        this.server = server;
    }

    @Test
    void pruneRemovesContentNoMessageRefersToAndKeepsTheRest() throws Exception {
        String schema = "sweep_" + Long.toHexString(System.nanoTime());
        try (PgMailStore store = PgMailStore.open(PostgresStoreConfig.defaults(server.jdbcUrl(), server.user(),
                server.password()).withSchema(schema).withPoolSize(2))) {
            store.accounts().addDomain("example.org");
            store.accounts().createAccount("ann@example.org", "pw".toCharArray());
            Mailbox inbox = store.mailboxes("ann@example.org").open("INBOX");
            byte[] kept = "Subject: kept\r\n\r\nstays\r\n".getBytes(StandardCharsets.US_ASCII);
            inbox.append(request("Subject: orphan\r\n\r\nleft behind\r\n".getBytes(StandardCharsets.US_ASCII)));
            long keptUid = inbox.append(request(kept)).uid();
            try (Connection c = server.connect(); Statement s = c.createStatement()) {
                // what the race leaves: the message row gone, its content still there
                s.executeUpdate("DELETE FROM " + schema + ".message WHERE uid = 1");
            }
            assertThat(count(schema)).isEqualTo(2);
            store.prune();
            assertThat(count(schema)).isEqualTo(1);
            try (var in = inbox.content(keptUid).openStream()) {
                assertThat(in.readAllBytes()).isEqualTo(kept);
            }
        }
    }

    private static AppendRequest request(byte[] message) {
        return new AppendRequest(ContentSource.of(new ByteArrayInputStream(message)), Instant.now(), Flags.NONE);
    }

    private long count(String schema) throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM " + schema + ".content")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
