package io.serai.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.Flags;
import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.api.search.DateKey;
import io.serai.store.postgres.testing.PostgresExtension;
import io.serai.store.postgres.testing.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Rows from before migration V5 have no save date: NULL reads as unknown, SAVED* searches use the internal date. */
@ExtendWith(PostgresExtension.class)
class PostgresSaveDateTest {

    private static final Instant INTERNAL = Instant.parse("2020-02-03T04:05:06Z");

    @Test
    void rowsWithoutASaveDateReadAsUnknownAndSearchByTheirInternalDate(PostgresServer pg) throws Exception {
        String schema = "savedate_" + Long.toHexString(System.nanoTime());
        try (MailStore store = PostgresStores.open(PostgresStoreConfig.defaults(pg.jdbcUrl(), pg.user(),
                pg.password()).withSchema(schema).withPoolSize(2))) {
            store.accounts().addDomain("example.org");
            store.accounts().createAccount("alice@example.org", "pencil".toCharArray());
            Mailbox inbox = store.mailboxes("alice@example.org").open("INBOX");
            for (int i = 0; i < 2; i++) {
                inbox.append(new AppendRequest(ContentSource.of(new ByteArrayInputStream(
                        ("Subject: " + i + "\r\n\r\nx\r\n").getBytes(StandardCharsets.US_ASCII))), INTERNAL,
                        Flags.NONE));
            }
            // message 1 as a V4 schema left it
            try (Connection c = pg.connect(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE " + schema + ".message SET save_date = NULL WHERE uid = 1");
            }
            assertThat(inbox.messages().get(0).savedDate()).isNull();
            assertThat(inbox.content(1).meta().savedDate()).isNull();
            assertThat(inbox.messages().get(1).savedDate()).isNotNull();
            LocalDate internalDay = LocalDate.ofInstant(INTERNAL, ZoneOffset.UTC);
            LocalDate savedDay = LocalDate.ofInstant(inbox.messages().get(1).savedDate(), ZoneOffset.UTC);
            assertThat(inbox.search(new DateKey(DateKey.Field.SAVED, DateKey.Comparison.ON, internalDay)))
                    .containsExactly(1);
            assertThat(inbox.search(new DateKey(DateKey.Field.SAVED, DateKey.Comparison.ON, savedDay)))
                    .containsExactly(2);
        }
    }
}
