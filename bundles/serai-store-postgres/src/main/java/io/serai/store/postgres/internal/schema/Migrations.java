package io.serai.store.postgres.internal.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema to the newest version this bundle knows, so nobody ever creates or changes tables by hand.
 * Scripts are listed in {@code migrations.list} next to this class (a listing, because a bundle's class path
 * cannot be scanned portably) and each runs once, in its own transaction, recorded in {@code schema_version}
 * with its checksum. Nodes starting at the same time take a session advisory lock first, so one migrates and
 * the others then find nothing to do. A script changed after it was applied, or a database migrated by a newer
 * Serai than this one, stops the store from opening rather than guessing.
 */
public final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private final List<Migration> migrations;

    Migrations(List<Migration> migrations) {
        this.migrations = List.copyOf(migrations);
    }

    /** The scripts packaged with this bundle. */
    public static Migrations bundled() throws IOException {
        List<Migration> found = new ArrayList<>();
        for (String name : read("migrations.list").split("\n")) {
            String file = name.trim();
            if (!file.isEmpty() && !file.startsWith("#")) {
                found.add(Migration.of(file, read(file)));
            }
        }
        return new Migrations(found);
    }

    /** The newest version this code knows. */
    public int latest() {
        return migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
    }

    /**
     * Creates {@code schema} if needed and applies every pending migration. Returns the schema version. The
     * connection is left in auto-commit mode with {@code search_path} set to the schema.
     */
    public int migrate(Connection c, String schema) throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_lock(hashtext('serai.migrations." + schema + "'))");
        }
        try {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
                s.execute("SET search_path TO " + schema);
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, "
                        + "description text NOT NULL, checksum text NOT NULL, "
                        + "applied_at timestamptz NOT NULL DEFAULT now())");
            }
            Map<Integer, String> applied = applied(c);
            int newestApplied = applied.isEmpty() ? 0 : ((TreeMap<Integer, String>) applied).lastKey();
            if (newestApplied > latest()) {
                throw new SQLException("schema " + schema + " is at version " + newestApplied
                        + ", newer than this Serai knows (" + latest() + "): upgrade this node");
            }
            for (Migration m : migrations) {
                String checksum = applied.get(m.version());
                if (checksum == null) {
                    apply(c, m);
                } else if (!checksum.equals(m.checksum())) {
                    throw new SQLException("migration V" + m.version() + " (" + m.description()
                            + ") differs from the one applied to schema " + schema);
                }
            }
            return latest();
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_unlock(hashtext('serai.migrations." + schema + "'))");
            }
        }
    }

    private static Map<Integer, String> applied(Connection c) throws SQLException {
        Map<Integer, String> out = new TreeMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, checksum FROM schema_version")) {
            while (rs.next()) {
                out.put(rs.getInt(1), rs.getString(2));
            }
        }
        return out;
    }

    private static void apply(Connection c, Migration m) throws SQLException {
        long start = System.nanoTime();
        c.setAutoCommit(false);
        try {
            try (Statement s = c.createStatement()) {
                s.execute(m.sql());
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO schema_version (version, description, checksum) VALUES (?, ?, ?)")) {
                p.setInt(1, m.version());
                p.setString(2, m.description());
                p.setString(3, m.checksum());
                p.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw new SQLException("migration V" + m.version() + " (" + m.description() + ") failed: "
                    + e.getMessage(), e.getSQLState(), e);
        } finally {
            c.setAutoCommit(true);
        }
        LOG.info("Applied store schema migration V{} ({}) in {} ms", m.version(), m.description(),
                (System.nanoTime() - start) / 1_000_000);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing migration resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
