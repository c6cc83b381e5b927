package io.serai.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.serai.smtp.api.RejectException;
import io.serai.store.api.ContentSource;
import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.api.QuotaLimits;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDeliveryTest {

    private static final byte[] MESSAGE = "Subject: caravan\r\n\r\nTwelve camels.\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final ContentSource CONTENT = () -> new ByteArrayInputStream(MESSAGE);

    @TempDir
    Path dir;

    private MailStore store;
    private LocalDelivery delivery;

    @BeforeEach
    void open() throws Exception {
        store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir).withFsync(FsyncPolicy.NEVER));
        store.accounts().addDomain("caravan.test");
        store.accounts().createAccount("alice@caravan.test", "a".toCharArray());
        store.accounts().createAccount("bob@caravan.test", "b".toCharArray());
        store.accounts().addAlias("sales@caravan.test", "alice@caravan.test");
        store.mailboxes("alice@caravan.test").create("Orders");
        delivery = new LocalDelivery(store);
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    @Test
    void deliversOneCopyPerMailboxByteForByte() throws Exception {
        int copies = delivery.deliver(List.of("alice@caravan.test", "sales@caravan.test", "bob@caravan.test"),
                CONTENT, MESSAGE.length, Instant.now());

        assertThat(copies).isEqualTo(2);
        assertThat(contentOf(inbox("alice@caravan.test"))).isEqualTo(MESSAGE);
        assertThat(inbox("alice@caravan.test").messages()).hasSize(1);
        assertThat(contentOf(inbox("bob@caravan.test"))).isEqualTo(MESSAGE);
    }

    @Test
    void plusDetailGoesToTheFolderOfThatNameElseInbox() throws Exception {
        delivery.deliver(List.of("alice+orders@caravan.test"), CONTENT, MESSAGE.length, Instant.now());
        delivery.deliver(List.of("alice+nosuchfolder@caravan.test"), CONTENT, MESSAGE.length, Instant.now());

        assertThat(store.mailboxes("alice@caravan.test").open("Orders").messages()).hasSize(1);
        assertThat(inbox("alice@caravan.test").messages()).hasSize(1);
    }

    @Test
    void aFullMailboxRejectsTemporarilyBeforeAnyCopyIsStored() throws Exception {
        store.accounts().setQuota("bob@caravan.test", new QuotaLimits(MESSAGE.length - 1, 100));

        assertThatThrownBy(() -> delivery.deliver(List.of("alice@caravan.test", "bob@caravan.test"), CONTENT,
                MESSAGE.length, Instant.now()))
                .isInstanceOfSatisfying(RejectException.class, e -> {
                    assertThat(e.reply().code()).isEqualTo(452);
                    assertThat(e.reply().enhancedCode()).isEqualTo("4.2.2");
                });
        assertThat(inbox("alice@caravan.test").messages()).isEmpty();
    }

    @Test
    void aFullMailboxOfTheOnlyRecipientRejectsTemporarilyAndStoresNothing() throws Exception {
        // no read before the append here: the append's own quota check refuses it
        store.accounts().setQuota("bob@caravan.test", new QuotaLimits(MESSAGE.length - 1, 100));

        assertThatThrownBy(() -> delivery.deliver(List.of("bob@caravan.test"), CONTENT, MESSAGE.length,
                Instant.now()))
                .isInstanceOfSatisfying(RejectException.class, e -> {
                    assertThat(e.reply().code()).isEqualTo(452);
                    assertThat(e.reply().enhancedCode()).isEqualTo("4.2.2");
                });
        assertThat(inbox("bob@caravan.test").messages()).isEmpty();
        assertThat(store.accounts().quota("bob@caravan.test").messages()).isZero();
    }

    @Test
    void aRecipientRemovedSinceRcptIsRejected() {
        assertThatThrownBy(() -> delivery.deliver(List.of("carol@caravan.test"), CONTENT, MESSAGE.length, Instant.now()))
                .isInstanceOfSatisfying(RejectException.class, e -> assertThat(e.reply().code()).isEqualTo(550));
    }

    private Mailbox inbox(String account) throws Exception {
        return store.mailboxes(account).open("INBOX");
    }

    private static byte[] contentOf(Mailbox mailbox) throws Exception {
        long uid = mailbox.messages().get(0).uid();
        try (InputStream in = mailbox.content(uid).openStream()) {
            return in.readAllBytes();
        }
    }
}
