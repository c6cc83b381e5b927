package io.serai.store.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.store.api.AppendResult;
import io.serai.store.api.Flags;
import io.serai.store.api.QuotaExceededException;
import io.serai.store.api.QuotaLimits;
import io.serai.store.postgres.PostgresStoreConfig;
import io.serai.store.postgres.internal.content.PreparedContent;
import io.serai.store.postgres.internal.event.ChangeLog;
import io.serai.store.postgres.internal.write.Appender;
import io.serai.store.postgres.internal.write.PendingAppend;
import io.serai.store.postgres.testing.PostgresExtension;
import io.serai.store.postgres.testing.PostgresServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One append transaction carries appends of several sessions. Quota is reserved for a whole account's share of the
 * batch in one statement; when that share does not fit, each append is checked on its own, so the ones that fit go
 * in and only the rest are refused, and the usage counters end exact either way.
 */
@ExtendWith(PostgresExtension.class)
class AppendBatchQuotaTest {
    private static final String ANN = "ann@example.org";
    private static final String BOB = "bob@example.org";

    private final PostgresServer server;

    AppendBatchQuotaTest(PostgresServer server) {
        this.server = server;
    }

    @Test
    void aBatchOverOneAccountsQuotaRefusesOnlyWhatDoesNotFit() throws Exception {
        String schema = "quota_" + Long.toHexString(System.nanoTime());
        try (PgMailStore store = PgMailStore.open(PostgresStoreConfig.defaults(server.jdbcUrl(), server.user(),
                server.password()).withSchema(schema).withPoolSize(2))) {
            store.accounts().addDomain("example.org");
            store.accounts().createAccount(ANN, "pw".toCharArray());
            store.accounts().createAccount(BOB, "pw".toCharArray());
            store.accounts().setQuota(ANN, new QuotaLimits(Long.MAX_VALUE, 2));
            long ann = ((PgMailbox) store.mailboxes(ANN).open("INBOX")).id();
            long bob = ((PgMailbox) store.mailboxes(BOB).open("INBOX")).id();
            Appender appender = new Appender(new ChangeLog(schema), QuotaLimits.UNLIMITED);

            // ann: 0 + 2 fits her 2 messages: reserved in one statement
            List<PendingAppend> two = List.of(pending(ann, "a1"), pending(ann, "a2"));
            List<Object> first = store.db.transaction(c -> appender.append(c, two));
            assertThat(first).allMatch(o -> o instanceof AppendResult);
            assertThat(store.accounts().quota(ANN).messages()).isEqualTo(2);

            store.accounts().setQuota(ANN, new QuotaLimits(Long.MAX_VALUE, 3));
            // ann: 2 + 2 is over 3, so her two are checked one by one; bob's share is unaffected
            List<PendingAppend> batch = List.of(pending(ann, "a3"), pending(bob, "b1"), pending(ann, "a4"));
            List<Object> second = store.db.transaction(c -> appender.append(c, batch));
            assertThat(second.get(0)).isInstanceOf(AppendResult.class);
            assertThat(second.get(1)).isInstanceOf(AppendResult.class);
            assertThat(second.get(2)).isInstanceOf(QuotaExceededException.class);
            assertThat(store.accounts().quota(ANN).messages()).isEqualTo(3);
            assertThat(store.accounts().quota(BOB).messages()).isEqualTo(1);
            assertThat(store.mailboxes(ANN).open("INBOX").uids()).containsExactly(1, 2, 3);
            long octets = 0;
            for (String s : List.of("a1", "a2", "a3")) {
                octets += message(s).length;
            }
            assertThat(store.accounts().quota(ANN).octets()).isEqualTo(octets);
        }
    }

    private static PendingAppend pending(long mailboxId, String subject) throws java.io.IOException {
        PreparedContent content = PreparedContent.read(new ByteArrayInputStream(message(subject)), 64 * 1024);
        List<PendingAppend.Message> messages = new ArrayList<>();
        messages.add(new PendingAppend.Message(content, Instant.now(), Flags.NONE));
        return new PendingAppend(mailboxId, messages, new CompletableFuture<>());
    }

    private static byte[] message(String subject) {
        return ("Subject: " + subject + "\r\n\r\nbody of " + subject + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
