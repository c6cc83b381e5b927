package io.serai.smtp.karaf.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.smtp.api.RecipientValidator.RecipientStatus;
import io.serai.store.api.MailStore;
import io.serai.store.api.RecipientResolver;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RCPT is answered on the network thread exactly when the store's look-ups answer from memory. */
class StoreLookupsTest {

    @TempDir
    Path dir;

    @Test
    void theEmbeddedStoreLetsRcptBeAnsweredWithoutAHandOff() throws Exception {
        try (MailStore store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir))) {
            store.accounts().addDomain("example.org");
            store.accounts().createAccount("alice@example.org", "secret-password".toCharArray());
            StoreRecipients recipients = new StoreRecipients(store);
            assertThat(recipients.mayBlock()).isFalse();
            assertThat(recipients.check("alice+tag@example.org")).isEqualTo(RecipientStatus.ACCEPT);
            assertThat(recipients.check("bob@example.org")).isEqualTo(RecipientStatus.UNKNOWN_USER);
            var policy = StoreRelayPolicy.policy(store, false);
            assertThat(policy.mayBlock()).isFalse();
            assertThat(policy.isLocal("Example.ORG")).isTrue();
            assertThat(policy.isLocal("example.net")).isFalse();
        }
    }

    @Test
    void aStoreThatMayBlockKeepsRcptOffTheNetworkThreads() throws Exception {
        try (MailStore embedded = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir))) {
            // the same store behind a resolver that does not claim to answer from memory (as PostgreSQL's)
            RecipientResolver remote = address -> Optional.empty();
            MailStore store = (MailStore) Proxy.newProxyInstance(MailStore.class.getClassLoader(),
                    new Class<?>[] {MailStore.class}, (proxy, method, args) -> {
                        if (method.getName().equals("recipients")) {
                            return remote;
                        }
                        try {
                            return method.invoke(embedded, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            assertThat(new StoreRecipients(store).mayBlock()).isTrue();
            assertThat(StoreRelayPolicy.policy(store, true).mayBlock()).isTrue();
        }
    }
}
