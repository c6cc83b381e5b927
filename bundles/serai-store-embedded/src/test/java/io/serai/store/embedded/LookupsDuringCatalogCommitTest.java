package io.serai.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.serai.store.api.MailStore;

/**
 * The recipient look-ups an SMTP server makes on its network thread (RCPT: resolve the address, is the domain
 * local) answer at once while a catalog change waits for its fsync, instead of waiting with it; the store says so
 * through {@code answersFromMemory()}.
 */
class LookupsDuringCatalogCommitTest {

    @TempDir
    Path dir;

    @Test
    void resolveAndLocalDomainDoNotWaitForACatalogChangeBeingMadeDurable() throws Exception {
        AtomicBoolean stall = new AtomicBoolean();
        CountDownLatch forcing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // a journal fsync that hangs while armed, like a slow disk (FailingChannel's "broken" check runs in force)
        EmbeddedStoreConfig config = TestStores.config(dir).withFsync(FsyncPolicy.ALWAYS).withChannelOpener((path, options) ->
                new FailingChannel(FileChannel.open(path, options), () -> false, () -> {
                    if (stall.get() && path.getParent().getFileName().toString().equals("journal")) {
                        forcing.countDown();
                        try {
                            release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return false;
                }));
        try (MailStore store = EmbeddedStores.open(config)) {
            store.accounts().addDomain("example.org");
            store.accounts().createAccount(TestStores.USER, TestStores.PASSWORD);
            assertThat(store.recipients().answersFromMemory()).isTrue();

            stall.set(true);
            CompletableFuture<Void> creation = CompletableFuture.runAsync(() -> {
                try {
                    store.accounts().createAccount("late@example.org", TestStores.PASSWORD);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(forcing.await(10, TimeUnit.SECONDS)).as("the account creation reached its fsync").isTrue();

            // the committer holds the catalog write lock across that fsync; these must not wait for it
            CompletableFuture<Boolean> lookups = CompletableFuture.supplyAsync(() ->
                    store.recipients().resolve(TestStores.USER).isPresent()
                            && store.accounts().isLocalDomain("example.org")
                            && store.recipients().resolve("nobody@example.org").isEmpty());
            assertThat(lookups.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(creation).isNotDone();

            stall.set(false);
            release.countDown();
            creation.get(10, TimeUnit.SECONDS);
            assertThat(store.recipients().resolve("late@example.org")).isPresent();
        }
    }
}
