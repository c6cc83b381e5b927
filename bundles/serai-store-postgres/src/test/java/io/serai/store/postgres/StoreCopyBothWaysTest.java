package io.serai.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.serai.store.api.AppendRequest;
import io.serai.store.api.Flags;
import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.api.SystemFlag;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;
import io.serai.store.postgres.testing.PostgresExtension;
import io.serai.store.postgres.testing.PostgresServer;
import io.serai.store.transfer.StoreCopier;
import io.serai.store.transfer.StoreCopyProgress;
import io.serai.store.transfer.StoreCopyReport;

/** serai:store-copy's engine from the embedded store into PostgreSQL and back, identities and bytes kept. */
@ExtendWith(PostgresExtension.class)
class StoreCopyBothWaysTest {
    @TempDir
    Path dir;

    @Test
    void embeddedToPostgresAndBackIsIdentical(PostgresServer pg) throws Exception {
        byte[] large = new byte[700_000]; // larger than the inline limit: chunks on the way
        new Random(3).nextBytes(large);
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) ('a' + (large[i] & 15)); // printable, with line ends below
            if (i % 70 == 69) {
                large[i - 1] = '\r';
                large[i] = '\n';
            }
        }
        try (MailStore embedded = embedded("one");
             MailStore postgres = new PostgresFixture(pg).open();
             MailStore back = embedded("two")) {
            embedded.accounts().addDomain("example.org");
            embedded.accounts().createAccount("alice@example.org", "pencil".toCharArray());
            Mailbox inbox = embedded.mailboxes("alice@example.org").open("INBOX");
            for (int i = 0; i < 40; i++) {
                byte[] m = ("Subject: n" + i + "\r\nFrom: b@example.net\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);
                inbox.append(new AppendRequest(() -> new ByteArrayInputStream(m), Instant.now(),
                        Flags.of(Set.of(SystemFlag.ANSWERED), i % 2 == 0 ? Set.of("work") : Set.of())));
            }
            byte[] big = concat("Subject: big\r\n\r\n".getBytes(StandardCharsets.US_ASCII), large);
            inbox.append(new AppendRequest(() -> new ByteArrayInputStream(big), Instant.now(), Flags.NONE));
            inbox.expunge(new long[] {7});

            StoreCopyReport there = new StoreCopier(embedded, postgres, 16, StoreCopyProgress.NONE).copy(true);
            assertThat(there.mismatches()).isEmpty();
            assertThat(there.messages()).isEqualTo(40);
            assertThat(postgres.accounts().verifyPassword("alice@example.org", "pencil".toCharArray())).isTrue();

            StoreCopyReport home = new StoreCopier(postgres, back, 16, StoreCopyProgress.NONE).copy(true);
            assertThat(home.mismatches()).isEmpty();
            Mailbox returned = back.mailboxes("alice@example.org").open("INBOX");
            assertThat(returned.info().uidValidity()).isEqualTo(inbox.info().uidValidity());
            assertThat(returned.uids()).isEqualTo(inbox.uids());
            assertThat(returned.content(41).openStream().readAllBytes()).isEqualTo(big);
        }
    }

    private MailStore embedded(String name) throws Exception {
        return EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir.resolve(name)).withFsync(FsyncPolicy.NEVER));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
