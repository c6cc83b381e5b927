package io.serai.store.karaf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;

import io.serai.store.api.Accounts;
import io.serai.store.api.StoreException;
import io.serai.store.embedded.EmbeddedMailStore;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDomainsTest {

    @TempDir
    Path dir;

    @Test
    void addsTheDomainsTheStoreLacks() throws Exception {
        try (EmbeddedMailStore store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir))) {
            store.accounts().addDomain("kept.test");
            LocalDomains.ensure(store.accounts(), List.of("kept.test", "new.test"));
            assertThat(store.accounts().domains()).contains("kept.test", "new.test");
        }
    }

    /** Two nodes on one shared store start together: the other one inserts between our check and our insert. */
    @Test
    void aDomainAddedByAnotherNodeAfterTheCheckIsNotAFailure() throws Exception {
        try (EmbeddedMailStore store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir))) {
            store.accounts().addDomain("race.test");
            Accounts lateCheck = checkSaysMissing(store.accounts());
            LocalDomains.ensure(lateCheck, List.of("race.test"));
            assertThat(store.accounts().isLocalDomain("race.test")).isTrue();
        }
    }

    @Test
    void otherStoreFailuresStillFail() throws Exception {
        try (EmbeddedMailStore store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir))) {
            assertThatThrownBy(() -> LocalDomains.ensure(store.accounts(), List.of("not a domain")))
                    .isInstanceOf(StoreException.class);
        }
    }

    /** The store's accounts, except that every domain looks missing to {@code isLocalDomain}. */
    private static Accounts checkSaysMissing(Accounts real) {
        return (Accounts) Proxy.newProxyInstance(Accounts.class.getClassLoader(), new Class<?>[] {Accounts.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("isLocalDomain")) {
                        return false;
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
