package io.serai.store.postgres;

import org.junit.jupiter.api.extension.ExtendWith;

import io.serai.store.postgres.testing.PostgresExtension;
import io.serai.store.postgres.testing.PostgresServer;
import io.serai.store.tck.StructureContract;
import io.serai.store.tck.StoreFixture;

@ExtendWith(PostgresExtension.class)
class PostgresStructureTest extends StructureContract {
    private final PostgresFixture fixture;

    PostgresStructureTest(PostgresServer server) {
        fixture = new PostgresFixture(server);
    }

    @Override
    protected StoreFixture fixture() {
        return fixture;
    }
}
