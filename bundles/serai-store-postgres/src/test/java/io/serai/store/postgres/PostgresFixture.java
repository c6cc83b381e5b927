package io.serai.store.postgres;

import java.util.concurrent.ThreadLocalRandom;

import io.serai.store.api.MailStore;
import io.serai.store.api.StoreException;
import io.serai.store.postgres.testing.PostgresServer;
import io.serai.store.tck.StoreFixture;

/** The PostgreSQL store in a schema of its own on the shared test server: one per fixture, reopened as often as asked. */
final class PostgresFixture implements StoreFixture {
    private final PostgresServer server;
    private final String schema = "tck_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);

    PostgresFixture(PostgresServer server) {
        this.server = server;
    }

    @Override
    public MailStore open() throws StoreException {
        return PostgresStores.open(PostgresStoreConfig.defaults(server.jdbcUrl(), server.user(), server.password())
                .withSchema(schema).withPoolSize(4));
    }
}
