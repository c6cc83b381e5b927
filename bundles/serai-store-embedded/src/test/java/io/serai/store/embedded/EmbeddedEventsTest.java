package io.serai.store.embedded;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import io.serai.store.tck.EventsContract;
import io.serai.store.tck.StoreFixture;

class EmbeddedEventsTest extends EventsContract {
    @TempDir
    Path dir;

    @Override
    protected StoreFixture fixture() {
        return new EmbeddedFixture(dir);
    }
}
