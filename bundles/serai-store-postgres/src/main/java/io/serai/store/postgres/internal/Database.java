package io.serai.store.postgres.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import io.serai.store.api.StoreException;
import io.serai.store.api.StoreUnavailableException;
import io.serai.store.postgres.PostgresStoreConfig;

/**
 * The connection pool and the one way store code runs SQL: {@link #transaction} (a transaction that commits
 * durably, retried a few times when PostgreSQL reports a serialization failure or deadlock) and {@link #read}
 * (auto-commit reads). SQL failures become {@link StoreException}s, and those that mean "the database cannot be
 * reached" become {@link StoreUnavailableException}s, which the protocols answer with "try again later".
 */
public final class Database implements AutoCloseable {

    /** Work inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException, StoreException;
    }

    private static final int ATTEMPTS = 5;

    private final HikariDataSource pool;
    private final PGSimpleDataSource driver;
    private final String schema;

    public Database(PostgresStoreConfig config, String nodeId) {
        this.schema = config.schema();
        // the driver's DataSource, named directly: in OSGi, DriverManager cannot be relied on to find a driver
        this.driver = new PGSimpleDataSource();
        driver.setURL(config.jdbcUrl());
        driver.setUser(config.user());
        driver.setPassword(config.password());
        driver.setApplicationName("serai " + nodeId);
        driver.setTcpKeepAlive(true);
        // a statement is never stuck forever on a connection whose peer vanished without closing it
        driver.setSocketTimeout(120);
        driver.setConnectTimeout(5);
        driver.setReWriteBatchedInserts(true);
        HikariConfig h = new HikariConfig();
        h.setPoolName("serai-store-" + config.schema());
        h.setDataSource(driver);
        h.setMaximumPoolSize(config.poolSize());
        h.setMinimumIdle(Math.min(2, config.poolSize()));
        // fail fast while the database is down, so SMTP can answer 451 instead of keeping the client waiting
        h.setConnectionTimeout(5_000);
        h.setValidationTimeout(2_000);
        h.setInitializationFailTimeout(-1); // the store opens (and retries) even if the database is not up yet
        h.setAutoCommit(true);
        // every commit is durable when it returns, whatever the server's default says
        h.setConnectionInitSql("SET synchronous_commit = on; SET search_path TO " + schema);
        this.pool = new HikariDataSource(h);
    }

    public String schema() {
        return schema;
    }

    /** A connection from the pool, in auto-commit mode; the caller closes it. */
    public Connection connection() throws StoreException {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw failure("connecting to the database", e);
        }
    }

    /**
     * A connection of its own, outside the pool, for the one long-lived session a node keeps (LISTEN): it must not
     * take a pool slot, and it must not be handed to other work. The caller closes it.
     */
    public Connection dedicatedConnection() throws SQLException {
        Connection c = driver.getConnection();
        try (var s = c.createStatement()) {
            s.execute("SET search_path TO " + schema);
        }
        return c;
    }

    /** Runs {@code work} in a transaction and commits it; retried on serialization failures and deadlocks. */
    public <T> T transaction(Work<T> work) throws StoreException {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = connection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | StoreException | RuntimeException e) {
                    rollbackQuietly(c);
                    if (e instanceof SQLException sql && isRetryable(sql) && attempt < ATTEMPTS) {
                        continue;
                    }
                    throw e;
                } finally {
                    restoreAutoCommit(c);
                }
            } catch (SQLException e) {
                throw failure("database transaction", e);
            }
        }
    }

    /** Runs {@code work} on an auto-commit connection (reads, or single statements). */
    public <T> T read(Work<T> work) throws StoreException {
        try (Connection c = connection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure("database read", e);
        }
    }

    /** The store's view of an SQL failure: unavailable (class 08, 57P0x, pool timeout) or a plain failure. */
    public static StoreException failure(String what, SQLException e) {
        if (isUnavailable(e)) {
            // the pool's timeout says only that no connection came; its cause says why (refused, bad password, ...)
            String why = e.getCause() != null && e.getCause() != e ? e.getMessage() + ": " + e.getCause().getMessage()
                    : e.getMessage();
            return new StoreUnavailableException(what + ": the database is unavailable (" + why + ")", e);
        }
        return new StoreException(what + " failed: " + e.getMessage(), e);
    }

    static boolean isUnavailable(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientConnectionException
                || state != null && (state.startsWith("08") || state.startsWith("57P")
                || state.equals("53300")); // 53300 too_many_connections
    }

    static boolean isRetryable(SQLException e) {
        return "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
    }

    @Override
    public void close() {
        pool.close();
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool drops it
        }
    }

    private static void restoreAutoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException ignored) {
            // as above
        }
    }
}
