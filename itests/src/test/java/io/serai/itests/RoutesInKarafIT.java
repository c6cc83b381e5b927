package io.serai.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import javax.inject.Inject;

import io.serai.smtp.api.RelayPolicy;
import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The route bundles in the distribution, switched on by Config Admin as an operator would with etc/*.cfg: one
 * message submitted with Angus Mail (STARTTLS + AUTH) to a local and a remote recipient ends up as files, as a
 * database row, and, through the outbound relay to a second SMTP listener standing in for the smart host, in
 * another mailbox.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RoutesInKarafIT extends SeraiKarafTestSupport {

    private static final String MTA_PORT = listenerPort("mta");
    private static final String SUBMISSION_PORT = listenerPort("submission");
    private static final String SUBMISSIONS_PORT = listenerPort("submissions");
    private static final String SMART_HOST_PORT = listenerPort("smarthost");
    private static final String HTTP_PORT = listenerPort("http");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    private MailStore store;

    @Inject
    private CamelContext camelContext;

    @Inject
    private ConfigurationAdmin configAdmin;

    @Inject
    private BundleContext bundleContext;

    @Configuration
    public Option[] config() {
        return seraiDistribution(
                listenersOnFreePorts("mta", "submission", "submissions"),
                editConfigurationFilePut("etc/io.serai.store.cfg", "domains", "caravan.test"),
                listenerPortOption("smarthost", SMART_HOST_PORT),
                listenerPortOption("http", HTTP_PORT));
    }

    @Before
    public void routesOn() throws Exception {
        awaitListening(MTA_PORT, SUBMISSION_PORT, SUBMISSIONS_PORT);
        if (!store.accounts().accounts("caravan.test").isEmpty()) {
            return;
        }
        store.accounts().createAccount("alice@caravan.test", "s3cret".toCharArray());
        store.accounts().createAccount("bob@caravan.test", "b0b".toCharArray());
        store.accounts().createAccount("carol@caravan.test", "c4r0l".toCharArray());
        store.mailboxes("carol@caravan.test").create("Relayed");

        // the smart host: a second Serai SMTP listener (an smtpd: route) that takes mail for remote.test
        bundleContext.registerService(RoutesBuilder.class, new RouteBuilder() {
            @Override
            public void configure() {
                from("smtpd:127.0.0.1:" + SMART_HOST_PORT + "?localDomains=remote.test").routeId("it-smarthost")
                        .process(e -> e.getMessage().setBody(e.getMessage()
                                .getHeader("SeraiSmtpContent", io.serai.smtp.api.MessageContent.class).openStream()))
                        .to("mailbox:carol@caravan.test/Relayed?store=#seraiStore");
            }
        }, null);

        configure("io.serai.routes.files", "mailbox", "bob@caravan.test");
        configure("io.serai.routes.jdbc", "mailbox", "bob@caravan.test");
        configure("io.serai.routes.relay", "smartHost", "127.0.0.1", "smartPort", SMART_HOST_PORT,
                "startTls", "none", "hostname", "mx.caravan.test", "pollIntervalMillis", "200");
        configure("io.serai.routes.http", "port", HTTP_PORT, "hostname", "mx.caravan.test");

        await().atMost(WAIT).until(() -> started("serai-files") && started("serai-jdbc")
                && started("serai-relay-accept") && started("serai-relay-deliver") && started("it-smarthost"));
        // the relay policy is renewed with relaying on, and the listeners restart with it
        await().atMost(WAIT).until(this::relayAllowed);
        await().atMost(WAIT).until(() -> started("smtp-submission"));
        awaitListening(SUBMISSION_PORT, HTTP_PORT);
    }

    private void configure(String pid, String... keyValues) throws Exception {
        Dictionary<String, Object> props = new Hashtable<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        configAdmin.getConfiguration(pid, "?").update(props);
    }

    private boolean started(String routeId) {
        return camelContext.getRoute(routeId) != null
                && camelContext.getRouteController().getRouteStatus(routeId).isStarted();
    }

    private boolean relayAllowed() throws Exception {
        for (ServiceReference<RelayPolicy> ref : bundleContext.getServiceReferences(RelayPolicy.class,
                "(osgi.jndi.service.name=seraiRelayPolicy)")) {
            RelayPolicy policy = bundleContext.getService(ref);
            try {
                if (policy != null && policy.relayForAuthenticated()) {
                    return true;
                }
            } finally {
                bundleContext.ungetService(ref);
            }
        }
        return false;
    }

    @Test
    public void oneSubmittedMessageBecomesFilesARowAndARelayedCopy() throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", SUBMISSION_PORT);
        props.put("mail.smtp.auth", "true");
        props.put("mail.smtp.starttls.enable", "true");
        props.put("mail.smtp.starttls.required", "true");
        props.put("mail.smtp.ssl.trust", "127.0.0.1"); // the distribution's self-signed certificate
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("alice@caravan.test"));
        message.addRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress("bob@caravan.test"));
        message.addRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress("dave@remote.test"));
        message.setSubject("Caravan manifest");
        message.setText("Twelve camels and one caravanserai.\r\n", "UTF-8");
        message.saveChanges();

        Transport.send(message, "alice@caravan.test", "s3cret");

        // files: <karaf.data>/serai-files/<uidvalidity>-<uid>/{message.eml,index.json}
        Path files = Path.of(System.getProperty("karaf.data"), "serai-files");
        await().atMost(WAIT).until(() -> indexes(files).size() == 1);
        String index = Files.readString(indexes(files).get(0));
        assertTrue(index, index.contains("\"subject\":\"Caravan manifest\"")
                && index.contains("\"account\":\"bob@caravan.test\""));

        // database: the embedded H2 file under <karaf.data>/serai-mail-db
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + Path.of(System.getProperty("karaf.data"), "serai-mail-db/mail").toAbsolutePath());
        h2.setUser("sa");
        await().atMost(WAIT).until(() -> subjectsInDatabase(h2).contains("Caravan manifest"));

        // relay: the smart host delivered dave@remote.test's copy into carol's Relayed folder
        Mailbox relayed = store.mailboxes("carol@caravan.test").open("Relayed");
        await().atMost(WAIT).until(() -> relayedTo(relayed, "dave@remote.test") != null);
        String copy = relayedTo(relayed, "dave@remote.test");
        assertTrue(copy, copy.contains("Subject: Caravan manifest") && copy.contains("for <dave@remote.test>"));
        assertEquals("one Return-Path, the smart host's", copy.indexOf("Return-Path:"), copy.lastIndexOf("Return-Path:"));
        assertEquals(1, store.mailboxes("bob@caravan.test").open("INBOX").messages().size());
    }

    @Test
    public void jsonPostedOverHttpIsDeliveredAndRelayed() throws Exception {
        String json = "{\"from\":\"alice@caravan.test\",\"to\":[\"carol@caravan.test\"],"
                + "\"bcc\":[\"erin@remote.test\"],\"subject\":\"Over HTTP\",\"text\":\"Twelve camels.\","
                + "\"attachments\":[{\"name\":\"manifest.csv\",\"contentType\":\"text/csv\",\"base64\":\"Y2FtZWw7MTI=\"}]}";
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + HTTP_PORT + "/mail"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                "alice@caravan.test:s3cret".getBytes(StandardCharsets.UTF_8)))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertEquals(response.body(), 202, response.statusCode());
        assertTrue(response.body(), response.body().contains("@mx.caravan.test>"));
        Mailbox inbox = store.mailboxes("carol@caravan.test").open("INBOX");
        assertEquals(1, inbox.messages().size());
        // the Bcc went through the relay to the smart host, which files remote.test mail in carol's Relayed
        Mailbox relayed = store.mailboxes("carol@caravan.test").open("Relayed");
        await().atMost(WAIT).until(() -> relayedTo(relayed, "erin@remote.test") != null);
    }

    private static String relayedTo(Mailbox relayed, String recipient) throws Exception {
        for (io.serai.store.api.MessageMeta meta : relayed.messages()) {
            try (InputStream in = relayed.content(meta.uid()).openStream()) {
                String copy = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (copy.contains("for <" + recipient + ">")) {
                    return copy;
                }
            }
        }
        return null;
    }

    private static List<Path> indexes(Path files) throws Exception {
        if (!Files.isDirectory(files)) {
            return List.of();
        }
        // The route writes into a hidden ".<name>.tmp" directory and renames it when complete, so only
        // published (non-hidden) directories count; walking into a temp directory races with its rename.
        try (Stream<Path> dirs = Files.list(files)) {
            return dirs.filter(d -> !d.getFileName().toString().startsWith("."))
                    .map(d -> d.resolve("index.json"))
                    .filter(Files::isRegularFile)
                    .toList();
        }
    }

    private static List<String> subjectsInDatabase(JdbcDataSource h2) throws Exception {
        try (Connection c = h2.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT subject FROM serai_message");
             ResultSet r = s.executeQuery()) {
            List<String> subjects = new java.util.ArrayList<>();
            while (r.next()) {
                subjects.add(r.getString(1));
            }
            return subjects;
        }
    }
}
