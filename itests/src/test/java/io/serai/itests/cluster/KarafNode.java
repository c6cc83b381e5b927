package io.serai.itests.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.Awaitility;

/**
 * One Serai node: a copy of the distribution this reactor built ({@code karaf-assembly/target/assembly}), started
 * as its own JVM with {@code bin/karaf server}, every listener on a free port of 127.0.0.1. Tests configure it
 * through its {@code etc/} files before the start, talk to it over its mail ports and its SSH console, and stop
 * it cleanly or kill it with SIGKILL.
 */
final class KarafNode implements AutoCloseable {

    /** The distribution's listeners by the NAME of their {@code etc/io.serai.PROTOCOL.listener-NAME.cfg}. */
    private static final Map<String, String> LISTENERS = new LinkedHashMap<>();

    static {
        for (String name : List.of("mta", "submission", "submissions")) {
            LISTENERS.put(name, "io.serai.smtp.listener-" + name);
        }
        for (String name : List.of("pop3", "pop3s")) {
            LISTENERS.put(name, "io.serai.pop3.listener-" + name);
        }
        for (String name : List.of("imap", "imaps")) {
            LISTENERS.put(name, "io.serai.imap.listener-" + name);
        }
    }

    private final String name;
    private final Path home;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Path sshKey;
    private Process process;

    private KarafNode(String name, Path home, Path sshKey) {
        this.name = name;
        this.home = home;
        this.sshKey = sshKey;
    }

    /** Copies the distribution to {@code parent/name}, with free ports and an SSH key for the console. */
    static KarafNode create(String name, Path parent) throws IOException {
        Path assembly = Path.of(System.getProperty("serai.assembly.dir", "../karaf-assembly/target/assembly"));
        if (!Files.isDirectory(assembly.resolve("bin"))) {
            throw new IllegalStateException("Build the distribution first: " + assembly.toAbsolutePath());
        }
        Path home = parent.resolve(name);
        copyTree(assembly, home);
        Path key = home.resolve("test-ssh-key");
        KarafNode node = new KarafNode(name, home, key);
        node.run(List.of("ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-N", "", "-f", key.toString()));
        String publicKey = Files.readString(home.resolve("test-ssh-key.pub")).trim().split(" ")[1];
        Files.writeString(home.resolve("etc/keys.properties"),
                "karaf=" + publicKey + ",_g_:admingroup\n_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n");
        for (Map.Entry<String, String> listener : LISTENERS.entrySet()) {
            int port = freePort();
            node.ports.put(listener.getKey(), port);
            node.configure(listener.getValue(), Map.of("port", Integer.toString(port)));
        }
        int ssh = freePort();
        node.ports.put("ssh", ssh);
        node.configure("org.apache.karaf.shell", Map.of("sshPort", Integer.toString(ssh), "sshHost", "127.0.0.1"));
        node.configure("org.apache.karaf.management", Map.of("rmiRegistryPort", Integer.toString(freePort()),
                "rmiServerPort", Integer.toString(freePort())));
        return node;
    }

    String name() {
        return name;
    }

    Path home() {
        return home;
    }

    /** The port of a listener (mta, submission, submissions, pop3, pop3s, imap, imaps) or of ssh. */
    int port(String listener) {
        Integer port = ports.get(listener);
        if (port == null) {
            throw new IllegalArgumentException("no port named " + listener);
        }
        return port;
    }

    /** Sets properties in {@code etc/PID.cfg}, keeping the file's other lines. */
    void configure(String pid, Map<String, String> properties) throws IOException {
        Path file = home.resolve("etc").resolve(pid + ".cfg");
        List<String> lines = Files.exists(file) ? new ArrayList<>(Files.readAllLines(file)) : new ArrayList<>();
        for (Map.Entry<String, String> p : properties.entrySet()) {
            String line = p.getKey() + " = " + p.getValue();
            boolean replaced = false;
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i).trim();
                if (l.startsWith(p.getKey() + " ") || l.startsWith(p.getKey() + "=")) {
                    lines.set(i, line);
                    replaced = true;
                }
            }
            if (!replaced) {
                lines.add(line);
            }
        }
        Files.write(file, lines);
    }

    /** Starts the node and waits until every listener accepts connections. */
    void start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("JAVA_MAX_MEM", "768m");
        process = pb.start();
        try {
            Awaitility.await(name + " listening").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(name + " exited: " + consoleLog());
                        }
                        // a listener that failed to bind will not retry: say so now, not after four minutes
                        if (log().contains("Address already in use")) {
                            throw new IllegalStateException(name + ": a listener port was taken");
                        }
                        return LISTENERS.keySet().stream().allMatch(l -> accepts(port(l)));
                    });
        } catch (RuntimeException e) {
            List<String> down = LISTENERS.keySet().stream().filter(l -> !accepts(port(l)))
                    .map(l -> l + ":" + port(l)).toList();
            throw new IllegalStateException(name + " did not come up (not listening: " + down + "); log:\n"
                    + log(), e);
        }
    }

    /** SIGKILL to the node's JVM (and the launcher script): nothing is flushed, closed or released. */
    void kill() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        all.forEach(p -> p.onExit().join());
        process = null;
    }

    /** A clean shutdown (SIGTERM to the JVM: Karaf stops its bundles), waited for. */
    void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> jvms = process.descendants().filter(p -> p.info().command().orElse("").endsWith("java"))
                .toList();
        (jvms.isEmpty() ? List.of(process.toHandle()) : jvms).forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
        process = null;
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Runs a console command over SSH (the node's test key) and returns what it printed. */
    String shell(String command) throws IOException {
        return run(List.of("ssh", "-q", "-p", Integer.toString(port("ssh")), "-i", sshKey.toString(),
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes",
                "-o", "ConnectTimeout=10", "karaf@127.0.0.1", command));
    }

    /** karaf.log, for failure reports. */
    String log() {
        try {
            Path log = home.resolve("data/log/karaf.log");
            return (Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "") + consoleLog();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        kill();
    }

    private String consoleLog() throws IOException {
        Path console = home.resolve("console.log");
        return Files.exists(console) ? Files.readString(console, StandardCharsets.UTF_8) : "";
    }

    private String run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IOException(command + " failed: " + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + command, e);
        } finally {
            p.destroyForcibly();
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() {
        return io.serai.itests.FreePorts.next();
    }

    /** The distribution without what a run of it leaves behind (data/: bundle cache, store, logs). */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path relative = from.relativize(source);
                if (relative.getNameCount() > 0 && List.of("data", "instances", "lock")
                        .contains(relative.getName(0).toString())) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
