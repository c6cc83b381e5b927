import java.nio.file.Path;

import io.serai.store.api.MailStore;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;
import io.serai.store.postgres.PostgresStoreConfig;
import io.serai.store.postgres.PostgresStores;

/**
 * The store a benchmark server runs on: the embedded one in {@code dir}, or, with {@code -Dbench.jdbcUrl}, the
 * PostgreSQL store (role serai, password from {@code bench.jdbcPassword}), in a schema named after {@code dir}.
 */
final class BenchStores {
    private BenchStores() {
    }

    static MailStore open(Path dir, FsyncPolicy fsync) throws Exception {
        String url = System.getProperty("bench.jdbcUrl");
        if (url == null) {
            return EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir).withFsync(fsync));
        }
        String schema = "bench_" + Integer.toHexString(dir.toAbsolutePath().toString().hashCode() & 0x7fffffff);
        return PostgresStores.open(PostgresStoreConfig.defaults(url, "serai",
                System.getProperty("bench.jdbcPassword", "serai-bench")).withSchema(schema));
    }

    static String label() {
        return System.getProperty("bench.jdbcUrl") == null ? "embedded" : "postgres";
    }
}
