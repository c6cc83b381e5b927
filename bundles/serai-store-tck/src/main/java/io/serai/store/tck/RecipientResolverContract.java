package io.serai.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.serai.store.api.MailStore;
import io.serai.store.api.Recipient;

/** Behaviour every MailStore has; a store's test extends this with its {@link StoreFixture}. */
public abstract class RecipientResolverContract {

    /** Where this test's store lives: a fresh location per test method, the same one on every call. */
    protected abstract StoreFixture fixture();


    @Test
    void resolvesAccountsAliasesSubAddressesAndCatchAll() throws Exception {
        try (MailStore store = TestStores.openWithUser(fixture())) {
            store.accounts().createAccount("postmaster@example.org", "x".toCharArray());
            store.accounts().addAlias("info@example.org", TestStores.USER);
            var r = store.recipients();
            assertThat(r.resolve("Alice@EXAMPLE.org")).contains(new Recipient(TestStores.USER, Optional.empty()));
            assertThat(r.resolve("<alice@example.org>")).contains(new Recipient(TestStores.USER, Optional.empty()));
            assertThat(r.resolve("info@example.org")).contains(new Recipient(TestStores.USER, Optional.empty()));
            assertThat(r.resolve("alice+Lists@example.org"))
                    .contains(new Recipient(TestStores.USER, Optional.of("Lists")));
            assertThat(r.resolve("info+x@example.org")).contains(new Recipient(TestStores.USER, Optional.of("x")));
            assertThat(r.resolve("nobody@example.org")).isEmpty();
            assertThat(r.resolve("alice@elsewhere.net")).isEmpty();
            assertThat(r.resolve("not-an-address")).isEmpty();

            store.accounts().setCatchAll("example.org", Optional.of("postmaster@example.org"));
            assertThat(r.resolve("nobody@example.org"))
                    .contains(new Recipient("postmaster@example.org", Optional.empty()));
            store.accounts().setCatchAll("example.org", Optional.empty());
            assertThat(r.resolve("nobody@example.org")).isEmpty();

            store.accounts().removeAlias("info@example.org");
            assertThat(r.resolve("info@example.org")).isEmpty();
        }
    }
}
