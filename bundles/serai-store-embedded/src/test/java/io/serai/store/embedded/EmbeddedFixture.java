package io.serai.store.embedded;

import java.nio.file.Path;

import io.serai.store.api.MailStore;
import io.serai.store.api.StoreException;
import io.serai.store.tck.StoreFixture;

/** The embedded store in a test's temporary directory, with small files so rotation is exercised. */
record EmbeddedFixture(Path dir) implements StoreFixture {
    @Override
    public MailStore open() throws StoreException {
        return EmbeddedStores.open(TestStores.config(dir));
    }
}
