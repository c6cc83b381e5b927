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
 * Expunges stay in the log for 30 days; pruning what is older raises the mailbox's floor in the same statement, so
 * a client whose mod-sequence is below it gets no answer (and the server the superset) rather than a wrong one.
 */
@ExtendWith(PostgresExtension.class)
class ExpungeLogPruningTest {

    private final PostgresServer server;

    ExpungeLogPruningTest(PostgresServer server) {
        this.server = server;
    }

    @Test
    void prunedExpungesRaiseTheFloorAndNewerOnesStay() throws Exception {
        String schema = "prune_" + Long.toHexString(System.nanoTime());
        try (PgMailStore store = PgMailStore.open(PostgresStoreConfig.defaults(server.jdbcUrl(), server.user(),
                server.password()).withSchema(schema).withPoolSize(2))) {
            store.accounts().addDomain("example.org");
            store.accounts().createAccount("ann@example.org", "pw".toCharArray());
            Mailbox inbox = store.mailboxes("ann@example.org").open("INBOX");
            for (int i = 0; i < 4; i++) {
                inbox.append(new AppendRequest(ContentSource.of(new ByteArrayInputStream(("Subject: " + i + "\r\n\r\nx\r\n")
                        .getBytes(StandardCharsets.US_ASCII))), Instant.now(), Flags.NONE));
            }
            long start = inbox.info().highestModSeq();
            inbox.expunge(new long[] {1});
            long middle = inbox.info().highestModSeq();
            try (Connection c = server.connect(); Statement s = c.createStatement()) {
                // the first expunge is 31 days old, and a flag change from then too (pruned after an hour)
                s.executeUpdate("UPDATE " + schema + ".change_log SET created_at = now() - interval '31 days'");
            }
            inbox.expunge(new long[] {3});
            store.prune();
            assertThat(inbox.expungedSince(start)).as("below the floor").isEmpty();
            assertThat(inbox.expungedSince(middle)).hasValueSatisfying(u -> assertThat(u).containsExactly(3));
            try (Connection c = server.connect(); Statement s = c.createStatement();
                 var rs = s.executeQuery("SELECT count(*) FROM " + schema + ".change_log WHERE kind = 3")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
        }
    }
}
