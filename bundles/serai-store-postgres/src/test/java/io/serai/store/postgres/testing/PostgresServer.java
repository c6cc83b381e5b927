package io.serai.store.postgres.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests and benchmarks, from the Debian package's binaries: {@code initdb} into a
 * temporary directory, then {@code pg_ctl} on a free port of 127.0.0.1 (TCP only, SCRAM password authentication,
 * like a production server). Run as root (CI), the server runs as the {@code postgres} user, since PostgreSQL
 * refuses to run as root. Stop, restart and kill are there for failure tests.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "serai";
    public static final String PASSWORD = "serai-test";
    public static final String DATABASE = "serai";

    private final Path bin;
    private final Path directory;
    private final Path data;
    private final int port;
    private final Map<String, String> settings;
    private final boolean asPostgresUser;

    private PostgresServer(Path bin, Path directory, int port, Map<String, String> settings) {
        this.bin = bin;
        this.directory = directory;
        this.data = directory.resolve("data");
        this.port = port;
        this.settings = settings;
        this.asPostgresUser = "root".equals(System.getProperty("user.name"));
    }

    /** Durable settings: fsync and synchronous_commit on, as in production. */
    public static PostgresServer start() throws IOException {
        return start(Map.of());
    }

    /**
     * Starts a new server with extra settings ({@code postgresql.conf} names, e.g. {@code fsync=off} for tests
     * that are not about durability).
     */
    public static PostgresServer start(Map<String, String> extraSettings) throws IOException {
        Path directory = Files.createTempDirectory("serai-pg-");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("listen_addresses", "127.0.0.1");
        settings.put("unix_socket_directories", "");
        settings.put("max_connections", "300");
        settings.put("shared_buffers", "128MB");
        settings.put("max_wal_size", "1GB");
        settings.put("log_min_messages", "warning");
        settings.put("logging_collector", "off");
        settings.putAll(extraSettings);
        PostgresServer server = new PostgresServer(findBinaries(), directory, freePort(), settings);
        try {
            server.initialize();
            server.startServer();
            server.createDatabase(DATABASE);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    /** A connection as the superuser, for test set-up and checks. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    /** Creates an empty database (cheap isolation for a test that needs its own). */
    public void createDatabase(String name) throws IOException {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE \"" + name.replace("\"", "") + "\"");
        } catch (SQLException e) {
            throw new IOException("cannot create database " + name, e);
        }
    }

    /** Stops the server cleanly (clients see their connections closed). */
    public void stop() throws IOException {
        pgCtl("stop", "-w", "-m", "fast");
    }

    /** Stops the server without a shutdown checkpoint, like a crash; it recovers from its WAL at the next start. */
    public void kill() throws IOException {
        pgCtl("stop", "-w", "-m", "immediate");
    }

    /** Starts it again on the same port and data. */
    public void startServer() throws IOException {
        List<String> options = new ArrayList<>();
        settings.forEach((k, v) -> options.add("-c " + k + "=" + (v.isEmpty() ? "''" : v)));
        options.add("-c port=" + port);
        pgCtl("start", "-w", "-t", "60", "-l", directory.resolve("server.log").toString(),
                "-o", String.join(" ", options));
    }

    public void restart() throws IOException {
        stop();
        startServer();
    }

    /** The server's log, for a failing test's report. */
    public String log() throws IOException {
        Path log = directory.resolve("server.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() throws IOException {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                pgCtl("stop", "-w", "-m", "immediate");
            }
        } finally {
            deleteTree(directory);
        }
    }

    private void initialize() throws IOException {
        Path pwfile = directory.resolve("pwfile");
        Files.writeString(pwfile, PASSWORD + "\n", StandardCharsets.UTF_8);
        if (asPostgresUser) {
            run(List.of("chown", "-R", "postgres:postgres", directory.toString()), Duration.ofSeconds(30));
        }
        run(asServerUser(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
                "--pwfile=" + pwfile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")),
                Duration.ofMinutes(2));
    }

    private void pgCtl(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString()));
        command.addAll(List.of(args));
        run(asServerUser(command), Duration.ofMinutes(2));
    }

    private List<String> asServerUser(List<String> command) {
        if (!asPostgresUser) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private void run(List<String> command, Duration timeout) throws IOException {
        Path output = directory.resolve("command.out");
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + command, e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("failed (" + p.exitValue() + "): " + command + "\n"
                    + Files.readString(output, StandardCharsets.UTF_8) + "\n" + log());
        }
    }

    /** {@code SERAI_PG_BIN}, else the newest {@code /usr/lib/postgresql/N/bin} (Debian's layout). */
    static Path findBinaries() throws IOException {
        String configured = System.getenv("SERAI_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                var found = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(PostgresServer::majorVersion));
                if (found.isPresent()) {
                    return found.get().resolve("bin");
                }
            }
        }
        throw new IOException("PostgreSQL server binaries not found: install Debian's postgresql package "
                + "(.ci/run does) or set SERAI_PG_BIN");
    }

    private static int majorVersion(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
