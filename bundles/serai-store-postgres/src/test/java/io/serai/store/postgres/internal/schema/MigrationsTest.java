package io.serai.store.postgres.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.serai.store.postgres.testing.PostgresExtension;
import io.serai.store.postgres.testing.PostgresServer;

/** The versioned migration runner against a real PostgreSQL server. */
@ExtendWith(PostgresExtension.class)
class MigrationsTest {

    private static final Migration V1 = Migration.of("V1__first.sql",
            "CREATE TABLE t (id integer PRIMARY KEY);\nINSERT INTO t VALUES (1);");
    private static final Migration V2 = Migration.of("V2__second_step.sql",
            "ALTER TABLE t ADD COLUMN name text;\nUPDATE t SET name = 'one';");

    @Test
    void appliesPendingMigrationsOnceInOrderAndRecordsThem(PostgresServer pg) throws Exception {
        try (Connection c = pg.connect()) {
            assertThat(new Migrations(List.of(V1)).migrate(c, "m_order")).isEqualTo(1);
            assertThat(new Migrations(List.of(V1, V2)).migrate(c, "m_order")).isEqualTo(2);
            assertThat(new Migrations(List.of(V1, V2)).migrate(c, "m_order")).isEqualTo(2);
            assertThat(query(c, "SELECT count(*) || ':' || min(name) FROM m_order.t")).isEqualTo("1:one");
            assertThat(query(c, "SELECT string_agg(version || ' ' || description, ',' ORDER BY version) "
                    + "FROM m_order.schema_version")).isEqualTo("1 first,2 second step");
        }
    }

    @Test
    void aFailingMigrationLeavesNothingBehind(PostgresServer pg) throws Exception {
        Migration broken = Migration.of("V2__broken.sql", "ALTER TABLE t ADD COLUMN x text;\nSELECT * FROM nowhere;");
        try (Connection c = pg.connect()) {
            new Migrations(List.of(V1)).migrate(c, "m_fail");
            assertThatThrownBy(() -> new Migrations(List.of(V1, broken)).migrate(c, "m_fail"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("V2");
            assertThat(query(c, "SELECT count(*) FROM information_schema.columns "
                    + "WHERE table_schema = 'm_fail' AND table_name = 't' AND column_name = 'x'")).isEqualTo("0");
            assertThat(query(c, "SELECT max(version) FROM m_fail.schema_version")).isEqualTo("1");
        }
    }

    @Test
    void refusesAnAppliedMigrationWhoseTextChanged(PostgresServer pg) throws Exception {
        Migration edited = Migration.of("V1__first.sql", "CREATE TABLE t (id bigint PRIMARY KEY);");
        try (Connection c = pg.connect()) {
            new Migrations(List.of(V1)).migrate(c, "m_edit");
            assertThatThrownBy(() -> new Migrations(List.of(edited)).migrate(c, "m_edit"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("differs");
        }
    }

    @Test
    void refusesADatabaseMigratedByANewerVersion(PostgresServer pg) throws Exception {
        try (Connection c = pg.connect()) {
            new Migrations(List.of(V1, V2)).migrate(c, "m_newer");
            assertThatThrownBy(() -> new Migrations(List.of(V1)).migrate(c, "m_newer"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("newer");
        }
    }

    @Test
    void nodesStartingTogetherMigrateOnce(PostgresServer pg) throws Exception {
        Migration slow = Migration.of("V2__slow.sql", "SELECT pg_sleep(0.3);\nALTER TABLE t ADD COLUMN y text;");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<Integer> run = () -> {
                    try (Connection c = pg.connect()) {
                        return new Migrations(List.of(V1, slow)).migrate(c, "m_race");
                    }
                };
                runs.add(pool.submit(run));
            }
            for (Future<Integer> run : runs) {
                assertThat(run.get()).isEqualTo(2);
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = pg.connect()) {
            assertThat(query(c, "SELECT count(*) FROM m_race.schema_version")).isEqualTo("2");
        }
    }

    @Test
    void theBundledListNamesOnlyScriptsThatExist() throws Exception {
        Migrations bundled = Migrations.bundled();
        assertThat(bundled.latest()).isGreaterThanOrEqualTo(0);
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
