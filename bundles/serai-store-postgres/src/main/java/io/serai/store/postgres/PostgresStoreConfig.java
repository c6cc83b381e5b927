package io.serai.store.postgres;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

import io.serai.store.api.QuotaLimits;

/**
 * Everything the PostgreSQL store needs, so a Config Admin component (or a test) can build one directly.
 *
 * @param jdbcUrl          {@code jdbc:postgresql://host:port/database}
 * @param user             the database role; it must be allowed to create tables in {@code schema} (migrations)
 * @param password         its password
 * @param schema           the schema Serai's tables live in; created if missing
 * @param poolSize         most connections this node opens for store work (the event listener has one more)
 * @param defaultQuota     limits for accounts without their own
 * @param scramIterations  PBKDF2 iterations for new credentials (RFC 7677 asks for at least 4096)
 * @param leaseTime        how long a lease or queue claim of a node that stopped renewing it lasts (failover time)
 * @param contentCacheBytes bytes of message content this node keeps in memory (0: none); content never changes
 *                         once stored, so the cache needs no invalidation across nodes
 * @param inlineLimit      messages up to this size are read into memory before their transaction and batched
 *                         with concurrent appends; larger ones are streamed in their own transaction
 * @param nodeId           this node's name in leases and claims; empty means host name plus a random suffix
 * @param eventExecutor    runs listener callbacks; empty means a daemon pool owned by the store
 */
public record PostgresStoreConfig(String jdbcUrl, String user, String password, String schema, int poolSize,
                                  QuotaLimits defaultQuota, int scramIterations, Duration leaseTime,
                                  long contentCacheBytes, int inlineLimit, Optional<String> nodeId,
                                  Optional<Executor> eventExecutor) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public PostgresStoreConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(defaultQuota, "defaultQuota");
        Objects.requireNonNull(leaseTime, "leaseTime");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(eventExecutor, "eventExecutor");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("jdbcUrl must start with jdbc:postgresql: (" + jdbcUrl + ")");
        }
        if (!IDENTIFIER.matcher(schema).matches()) {
            // it is written into SQL as an identifier, so only plain lower-case names are accepted
            throw new IllegalArgumentException("schema must be a plain lower-case SQL name, not '" + schema + "'");
        }
        if (poolSize < 2) {
            throw new IllegalArgumentException("poolSize must be at least 2");
        }
        if (scramIterations < 4096) {
            throw new IllegalArgumentException("scramIterations must be at least 4096");
        }
        if (leaseTime.compareTo(Duration.ofSeconds(3)) < 0) {
            throw new IllegalArgumentException("leaseTime must be at least 3 seconds");
        }
        if (contentCacheBytes < 0 || inlineLimit < 0) {
            throw new IllegalArgumentException("contentCacheBytes and inlineLimit must not be negative");
        }
    }

    /** Production defaults: schema {@code serai}, 16 connections, no quota, 30 s leases, 64 MiB cache, 256 KiB inline. */
    public static PostgresStoreConfig defaults(String jdbcUrl, String user, String password) {
        return new PostgresStoreConfig(jdbcUrl, user, password, "serai", 16, QuotaLimits.UNLIMITED, 4096,
                Duration.ofSeconds(30), 64L << 20, 256 << 10, Optional.empty(), Optional.empty());
    }

    public PostgresStoreConfig withSchema(String value) {
        return new PostgresStoreConfig(jdbcUrl, user, password, value, poolSize, defaultQuota, scramIterations,
                leaseTime, contentCacheBytes, inlineLimit, nodeId, eventExecutor);
    }

    public PostgresStoreConfig withPoolSize(int value) {
        return new PostgresStoreConfig(jdbcUrl, user, password, schema, value, defaultQuota, scramIterations,
                leaseTime, contentCacheBytes, inlineLimit, nodeId, eventExecutor);
    }

    public PostgresStoreConfig withDefaultQuota(QuotaLimits value) {
        return new PostgresStoreConfig(jdbcUrl, user, password, schema, poolSize, value, scramIterations,
                leaseTime, contentCacheBytes, inlineLimit, nodeId, eventExecutor);
    }

    public PostgresStoreConfig withLeaseTime(Duration value) {
        return new PostgresStoreConfig(jdbcUrl, user, password, schema, poolSize, defaultQuota, scramIterations,
                value, contentCacheBytes, inlineLimit, nodeId, eventExecutor);
    }

    public PostgresStoreConfig withContentCacheBytes(long value) {
        return new PostgresStoreConfig(jdbcUrl, user, password, schema, poolSize, defaultQuota, scramIterations,
                leaseTime, value, inlineLimit, nodeId, eventExecutor);
    }

    public PostgresStoreConfig withInlineLimit(int value) {
        return new PostgresStoreConfig(jdbcUrl, user, password, schema, poolSize, defaultQuota, scramIterations,
                leaseTime, contentCacheBytes, value, nodeId, eventExecutor);
    }

    public PostgresStoreConfig withNodeId(String value) {
        return new PostgresStoreConfig(jdbcUrl, user, password, schema, poolSize, defaultQuota, scramIterations,
                leaseTime, contentCacheBytes, inlineLimit, Optional.of(value), eventExecutor);
    }

    public PostgresStoreConfig withEventExecutor(Executor value) {
        return new PostgresStoreConfig(jdbcUrl, user, password, schema, poolSize, defaultQuota, scramIterations,
                leaseTime, contentCacheBytes, inlineLimit, nodeId, Optional.of(value));
    }

    @Override
    public String toString() {
        // never the password
        return "PostgresStoreConfig[" + jdbcUrl + ", user " + user + ", schema " + schema + ", pool " + poolSize + "]";
    }
}
