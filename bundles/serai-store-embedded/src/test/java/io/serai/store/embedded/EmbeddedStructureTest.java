package io.serai.store.embedded;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import io.serai.store.tck.StructureContract;
import io.serai.store.tck.StoreFixture;

class EmbeddedStructureTest extends StructureContract {
    @TempDir
    Path dir;

    @Override
    protected StoreFixture fixture() {
        return new EmbeddedFixture(dir);
    }
}
