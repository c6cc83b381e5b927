package io.serai.store.karaf.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.serai.store.api.MailStore;
import io.serai.store.api.QuotaLimits;
import io.serai.store.api.StoreException;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;
import io.serai.store.postgres.PostgresStoreConfig;
import io.serai.store.postgres.PostgresStores;

/**
 * The Config Admin properties turned into a store configuration, with the errors a user can fix. Exactly one of
 * {@code embedded} and {@code postgres} is set, by {@code type}.
 */
record StoreSettings(String type, EmbeddedStoreConfig embedded, PostgresStoreConfig postgres, List<String> domains) {

    static final String EMBEDDED = "embedded";
    static final String POSTGRES = "postgres";

    static StoreSettings from(StoreConfig config, String karafData) {
        String type = config.type().trim().toLowerCase(Locale.ROOT);
        QuotaLimits quota = new QuotaLimits(unlimitedIfZero(config.defaultQuotaOctets(), "defaultQuotaOctets"),
                unlimitedIfZero(config.defaultQuotaMessages(), "defaultQuotaMessages"));
        List<String> domains = List.of(config.domains()).stream()
                .map(d -> d.trim().toLowerCase(Locale.ROOT))
                .filter(d -> !d.isEmpty())
                .distinct()
                .toList();
        return switch (type) {
            case EMBEDDED -> new StoreSettings(type, embedded(config, karafData, quota), null, domains);
            case POSTGRES -> new StoreSettings(type, null, postgres(config, quota), domains);
            default -> throw new IllegalArgumentException("type must be embedded or postgres, not '" + config.type() + "'");
        };
    }

    private static EmbeddedStoreConfig embedded(StoreConfig config, String karafData, QuotaLimits quota) {
        Path directory = config.dataDirectory().isBlank()
                ? Path.of(karafData == null ? "data" : karafData, "serai", "store")
                : Path.of(config.dataDirectory());
        FsyncPolicy fsync;
        try {
            fsync = FsyncPolicy.valueOf(config.fsync().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fsync must be ALWAYS or NEVER, not '" + config.fsync() + "'");
        }
        return EmbeddedStoreConfig.defaults(directory.toAbsolutePath()).withFsync(fsync).withDefaultQuota(quota);
    }

    private static PostgresStoreConfig postgres(StoreConfig config, QuotaLimits quota) {
        if (config.contentCacheMegabytes() < 0) {
            throw new IllegalArgumentException("contentCacheMegabytes must not be negative");
        }
        PostgresStoreConfig pg = PostgresStoreConfig.defaults(config.jdbcUrl().trim(), config.user().trim(),
                        config.password())
                .withSchema(config.schema().trim())
                .withPoolSize(config.poolSize())
                .withLeaseTime(Duration.ofSeconds(config.leaseSeconds()))
                .withContentCacheBytes((long) config.contentCacheMegabytes() << 20)
                .withDefaultQuota(quota);
        return config.nodeId().isBlank() ? pg : pg.withNodeId(config.nodeId().trim());
    }

    /** Opens the configured store. */
    MailStore open() throws StoreException {
        return embedded != null ? EmbeddedStores.open(embedded) : PostgresStores.open(postgres);
    }

    /** Where the store is, for logs and the service properties (never the password). */
    String location() {
        return embedded != null ? embedded.dataDirectory().toString() : postgres.jdbcUrl() + " schema " + postgres.schema();
    }

    private static long unlimitedIfZero(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return value == 0 ? Long.MAX_VALUE : value;
    }
}
