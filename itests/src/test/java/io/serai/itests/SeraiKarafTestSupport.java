package io.serai.itests;

import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/**
 * Boots the Serai distribution built by this reactor (karaf-assembly/target/*.tar.gz) in Pax Exam, offline:
 * the container resolves Maven URLs only from its own system/ folder and the build's local repository, and
 * every port it opens is a free port on 127.0.0.1.
 */
public abstract class SeraiKarafTestSupport {

    protected static Option[] seraiDistribution(Option... extra) {
        String assembly = System.getProperty("serai.assembly");
        File archive = new File(assembly);
        if (!archive.isFile()) {
            throw new IllegalStateException("Build the distribution first: " + archive);
        }
        String localRepository = System.getProperty("maven.repo.local",
                System.getProperty("user.home") + "/.m2/repository");
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl(archive.toURI().toString())
                        .name("Serai")
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                keepRuntimeFolder(),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevel.INFO),
                // offline: no remote repository, only the build's local one besides system/
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", ""),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                        localRepository),
                // no second deployment pass to look for newer SNAPSHOTs: Pax Exam installs its probe once boot is done,
                // and a deployment still running then makes Karaf's resolver hook refuse the probe
                editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "updateSnapshots", "none"),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", freePort()),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", freePort()),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", freePort()),
                systemProperty("pax.exam.service.timeout").value("60000"),
                // waiting on real conditions inside the container
                mavenBundle("org.hamcrest", "hamcrest").versionAsInProject(),
                mavenBundle("org.awaitility", "awaitility").versionAsInProject()));
        options.addAll(Arrays.asList(extra));
        return options.toArray(new Option[0]);
    }

    /**
     * A free port for a listener, chosen on the host while the container is configured and read back inside the
     * container, where the test class is loaded a second time: pass {@link #listenerPortOption} to the container.
     */
    protected static String listenerPort(String listener) {
        String port = System.getProperty("serai.it.port." + listener);
        return port != null ? port : freePort();
    }

    /** The distribution's listeners, by the NAME of their {@code etc/io.serai.PROTOCOL.listener-NAME.cfg} file. */
    private static final Map<String, String> DISTRIBUTION_LISTENERS = new LinkedHashMap<>();

    static {
        for (String name : List.of("mta", "submission", "submissions")) {
            DISTRIBUTION_LISTENERS.put(name, "etc/io.serai.smtp.listener-" + name + ".cfg");
        }
        for (String name : List.of("pop3", "pop3s")) {
            DISTRIBUTION_LISTENERS.put(name, "etc/io.serai.pop3.listener-" + name + ".cfg");
        }
        for (String name : List.of("imap", "imaps")) {
            DISTRIBUTION_LISTENERS.put(name, "etc/io.serai.imap.listener-" + name + ".cfg");
        }
    }

    /**
     * Moves every listener of the distribution to a free port, so none keeps its documented default (which may be
     * taken on the host), and hands the ports of {@code used} (listener names: mta, submission, submissions, pop3,
     * pop3s, imap, imaps) to the test code in the container, where {@link #listenerPort} reads them.
     */
    protected static Option listenersOnFreePorts(String... used) {
        List<String> wanted = List.of(used);
        if (!DISTRIBUTION_LISTENERS.keySet().containsAll(wanted)) {
            throw new IllegalArgumentException("not a listener of the distribution: " + wanted);
        }
        List<Option> options = new ArrayList<>();
        DISTRIBUTION_LISTENERS.forEach((name, file) -> {
            String port = freePort();
            options.add(editConfigurationFilePut(file, "port", port));
            if (wanted.contains(name)) {
                options.add(listenerPortOption(name, port));
            }
        });
        return composite(options.toArray(new Option[0]));
    }

    /** Hands the port chosen on the host to the test code in the container. */
    protected static Option listenerPortOption(String listener, String port) {
        return systemProperty("serai.it.port." + listener).value(port);
    }

    /** Waits until something accepts connections on each port (listeners start once store and routes are up). */
    protected static void awaitListening(String... ports) {
        for (String port : ports) {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                try (java.net.Socket socket = new java.net.Socket("127.0.0.1", Integer.parseInt(port))) {
                    return true;
                }
            });
        }
    }

    /**
     * Jakarta Activation finds content handlers through the thread context class loader: in OSGi, code that
     * builds or reads multipart messages itself makes Angus's loader the TCCL (see docs/CAMEL-IN-KARAF.md).
     */
    protected static void withMailClassLoader(ThrowingRunnable work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(org.eclipse.angus.mail.handlers.multipart_mixed.class.getClassLoader());
        try {
            work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Test code that may throw anything. */
    protected interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Reads a stream to its end and closes it. */
    protected static byte[] readAll(java.io.InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    /** A port nobody listens on right now, on the loopback interface. */
    protected static String freePort() {
        return FreePorts.nextAsString();
    }

}
