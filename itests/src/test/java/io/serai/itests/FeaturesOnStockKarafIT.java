package io.serai.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import javax.inject.Inject;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Serai's features on a stock Apache Karaf (not our distribution): each feature installs alone, from nothing but
 * our feature repository, leaves its bundles active, and uninstalls cleanly; then all of them together.
 * Resolution of each feature in isolation is also checked at build time by karaf:verify.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class FeaturesOnStockKarafIT {

    private static final String CAMEL_CONTEXT = "org.apache.camel.CamelContext";

    @Inject
    private FeaturesService features;

    @Inject
    private BundleContext bundleContext;

    @Configuration
    public Option[] config() {
        File karaf = new File(System.getProperty("stock.karaf"));
        // the Serai bundles and feature repository come from the distribution's system/ folder, which the
        // reactor has just built; the container stays offline
        URI seraiSystem = new File(System.getProperty("serai.system")).toURI();
        String localRepository = System.getProperty("maven.repo.local");
        return new Option[] {
            karafDistributionConfiguration().frameworkUrl(karaf.toURI().toString()).name("Apache Karaf")
                    .unpackDirectory(new File("target/exam-stock")).useDeployFolder(false),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevel.INFO),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", ""),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                    localRepository),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.defaultRepositories",
                    "${karaf.home.uri}system@id=system.repository@snapshots," + seraiSystem
                            + "@id=serai.system@snapshots"),
            // no second deployment pass to look for newer SNAPSHOTs: Pax Exam installs its probe once boot is done,
            // and a deployment still running then makes Karaf's resolver hook refuse the probe
            editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "updateSnapshots", "none"),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshHost", "127.0.0.1"),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", SeraiKarafTestSupport.freePort()),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort",
                    SeraiKarafTestSupport.freePort()),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort",
                    SeraiKarafTestSupport.freePort()),
            systemProperty("serai.features").value(System.getProperty("serai.features")),
            mavenBundle("org.hamcrest", "hamcrest").versionAsInProject(),
            mavenBundle("org.awaitility", "awaitility").versionAsInProject(),
        };
    }

    // Each feature in a fresh container (PerMethod): no wiring left over from an earlier install can help or hurt.

    @Test
    public void seraiMailAlone() throws Exception {
        installAlone("serai-mail", () -> assertActive("jakarta.mail-api", "org.eclipse.angus.mail"));
    }

    @Test
    public void seraiCamelAlone() throws Exception {
        installAlone("serai-camel", () -> {
            assertActive("io.serai.camel.runtime", "io.serai.serai-camel-context");
            awaitCamelContext();
        });
    }

    @Test
    public void seraiStoreAlone() throws Exception {
        installAlone("serai-store", () -> {
            assertActive("org.apache.james.apache-mime4j-core", "io.serai.serai-store-support",
                    "io.serai.serai-store-embedded", "io.serai.serai-store-karaf");
            awaitService("io.serai.store.api.MailStore", "(serai.store.type=embedded)");
        });
    }

    @Test
    public void seraiSmtpAlone() throws Exception {
        installAlone("serai-smtp", () -> {
            assertActive("io.netty.handler", "io.serai.serai-smtp", "io.serai.serai-camel-smtpd",
                    "io.serai.serai-smtp-karaf", "io.serai.serai-tls", "io.serai.serai-netty-listener");
            awaitService("javax.net.ssl.SSLContext", "(osgi.jndi.service.name=seraiTls)");
            awaitService("org.apache.camel.spi.ComponentResolver", "(component=smtpd)");
        });
    }

    @Test
    public void seraiPop3Alone() throws Exception {
        installAlone("serai-pop3", () -> {
            assertActive("io.serai.serai-pop3", "io.serai.serai-pop3-karaf", "io.serai.serai-camel-listener",
                    "io.serai.serai-camel-pop3d", "io.serai.serai-netty-listener");
            awaitService("io.serai.pop3.api.MaildropLocks", "(osgi.jndi.service.name=seraiPop3Locks)");
        });
    }

    @Test
    public void seraiImapAlone() throws Exception {
        installAlone("serai-imap", () -> {
            assertActive("io.serai.serai-imap", "io.serai.serai-imap-karaf", "io.serai.serai-camel-listener",
                    "io.serai.serai-camel-imapd", "io.serai.serai-netty-listener");
            awaitService("org.apache.camel.spi.ComponentResolver", "(component=imapd)");
        });
    }

    @Test
    public void seraiMailboxAlone() throws Exception {
        installAlone("serai-mailbox", () -> {
            assertActive("io.serai.serai-camel-mailbox");
            awaitService("org.apache.camel.spi.ComponentResolver", "(component=mailbox)");
        });
    }

    @Test
    public void seraiClientAlone() throws Exception {
        installAlone("serai-client", () -> {
            assertActive("io.serai.serai-camel-imap-idle");
            awaitCamelContext();
            awaitService("org.apache.camel.spi.ComponentResolver", "(component=imap-idle)");
        });
    }

    @Test
    public void seraiRoutesAlone() throws Exception {
        installAlone("serai-routes", () -> assertActive("io.serai.serai-routes-delivery"));
    }

    @Test
    public void seraiRoutesFilesAlone() throws Exception {
        installAlone("serai-routes-files", () -> assertActive("io.serai.serai-routes-files"));
    }

    @Test
    public void seraiRoutesJdbcAlone() throws Exception {
        installAlone("serai-routes-jdbc", () -> assertActive("com.h2database", "io.serai.serai-routes-jdbc"));
    }

    @Test
    public void seraiRoutesRelayAlone() throws Exception {
        installAlone("serai-routes-relay", () -> assertActive("io.serai.serai-routes-relay"));
    }

    @Test
    public void seraiRoutesHttpAlone() throws Exception {
        installAlone("serai-routes-http", () -> assertActive("io.serai.serai-routes-http"));
    }

    @Test
    public void everythingTogether() throws Exception {
        installAlone("serai", () -> {
            assertActive("org.eclipse.angus.mail", "io.serai.camel.runtime", "io.serai.serai-camel-context",
                    "io.serai.serai-store-karaf", "io.serai.serai-camel-mailbox", "io.serai.serai-pop3-karaf",
                    "io.serai.serai-imap-karaf", "io.serai.serai-smtp-karaf", "io.serai.serai-routes-delivery",
                    "io.serai.serai-routes-files", "io.serai.serai-routes-jdbc", "io.serai.serai-routes-relay",
                    "io.serai.serai-routes-http");
            awaitCamelContext();
            awaitService("io.serai.store.api.MailStore", "(serai.store.type=embedded)");
        });
    }

    private void installAlone(String name, Runnable check) throws Exception {
        // Karaf's boot features install on a thread of their own; ours must not race their deployment, and the
        // standard repository (scr, which every server feature needs first) must be loaded before we resolve
        await("Karaf boot finished").atMost(Duration.ofMinutes(2))
                .until(() -> bundleContext.getServiceReference("org.apache.karaf.features.BootFinished") != null);
        await("standard features known").atMost(Duration.ofMinutes(1))
                .until(() -> features.getFeatures("scr").length > 0);
        features.addRepository(URI.create(System.getProperty("serai.features")));
        assertEquals(null, bundle("io.serai.camel.runtime"));
        // no refresh: the probe bundle (this test) must not be restarted under its own feet
        try {
            features.installFeature(name, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        } catch (Exception e) {
            throw new AssertionError(name + " did not install; repositories: "
                    + Arrays.toString(features.getRepositoryNames()), e);
        }
        Feature feature = features.getFeature(name);
        assertTrue(name + " not installed", features.isInstalled(feature));
        check.run();
        features.uninstallFeature(name, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        assertTrue(name + " still installed", !features.isInstalled(feature));
        List<String> leftovers = List.of("io.serai.camel.runtime", "io.serai.serai-camel-context",
                "io.serai.serai-store-embedded", "io.serai.serai-store-karaf", "io.serai.serai-smtp",
                "io.serai.serai-pop3", "io.serai.serai-imap", "io.serai.serai-routes-delivery").stream()
                .filter(bsn -> bundle(bsn) != null).toList();
        assertTrue("left behind by " + name + ": " + leftovers, leftovers.isEmpty());
    }

    private void awaitCamelContext() {
        awaitService(CAMEL_CONTEXT, "(camel.context.name=serai)");
    }

    private void awaitService(String type, String filter) {
        // getAll...: this probe may still be wired to the packages of an earlier, uninstalled round
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ServiceReference<?>[] refs = bundleContext.getAllServiceReferences(type, filter);
            return refs != null && refs.length == 1;
        });
    }

    private void assertActive(String... symbolicNames) {
        for (String bsn : symbolicNames) {
            Bundle bundle = bundle(bsn);
            assertTrue(bsn + " is not installed", bundle != null);
            assertEquals(bsn + " is not active", Bundle.ACTIVE, bundle.getState());
        }
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : bundleContext.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }
}
