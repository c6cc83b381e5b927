package io.serai.store.postgres;

import org.junit.jupiter.api.extension.ExtendWith;

import io.serai.store.postgres.testing.PostgresExtension;
import io.serai.store.postgres.testing.PostgresServer;
import io.serai.store.tck.SearchContract;
import io.serai.store.tck.StoreFixture;

@ExtendWith(PostgresExtension.class)
class PostgresSearchTest extends SearchContract {
    private final PostgresFixture fixture;

    PostgresSearchTest(PostgresServer server) {
        fixture = new PostgresFixture(server);
    }

    @Override
    protected StoreFixture fixture() {
        return fixture;
    }
}
