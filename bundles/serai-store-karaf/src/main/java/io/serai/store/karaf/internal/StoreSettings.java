package io.serai.store.karaf.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.serai.store.api.QuotaLimits;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.FsyncPolicy;

/** The Config Admin properties turned into an embedded store configuration, with the errors a user can fix. */
record StoreSettings(EmbeddedStoreConfig store, List<String> domains) {

    static StoreSettings from(StoreConfig config, String karafData) {
        Path directory = config.dataDirectory().isBlank()
                ? Path.of(karafData == null ? "data" : karafData, "serai", "store")
                : Path.of(config.dataDirectory());
        FsyncPolicy fsync;
        try {
            fsync = FsyncPolicy.valueOf(config.fsync().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fsync must be ALWAYS or NEVER, not '" + config.fsync() + "'");
        }
        QuotaLimits quota = new QuotaLimits(unlimitedIfZero(config.defaultQuotaOctets(), "defaultQuotaOctets"),
                unlimitedIfZero(config.defaultQuotaMessages(), "defaultQuotaMessages"));
        EmbeddedStoreConfig store = EmbeddedStoreConfig.defaults(directory.toAbsolutePath())
                .withFsync(fsync)
                .withDefaultQuota(quota);
        List<String> domains = List.of(config.domains()).stream()
                .map(d -> d.trim().toLowerCase(Locale.ROOT))
                .filter(d -> !d.isEmpty())
                .distinct()
                .toList();
        return new StoreSettings(store, domains);
    }

    private static long unlimitedIfZero(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return value == 0 ? Long.MAX_VALUE : value;
    }
}
