package io.serai.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import io.serai.store.api.MailStore;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.inject.Inject;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * An {@code imap-idle:} route inside the Serai distribution (scheme offered by the serai-client feature's
 * ComponentResolver) against the distribution's own imaps listener, trusting its self-signed certificate: the
 * consumer reaches IDLE (read over JMX, as an operator would), a message sent over SMTP to the MTA listener reaches
 * the route within a second, and moveTo moves it (IMAP MOVE) once the exchange is done.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ImapIdleInKarafIT extends SeraiKarafTestSupport {

    private static final String USER = "idle@serai.test";
    private static final String PASSWORD = "caravan-idle";
    private static final String SMTP_PORT = listenerPort("mta");
    private static final String IMAPS_PORT = listenerPort("imaps");
    private static final String TRUST_BEAN = "itIdleTrust";

    @Inject
    private CamelContext camelContext;

    @Inject
    private BundleContext bundleContext;

    @Inject
    private MailStore store;

    private ServiceRegistration<RoutesBuilder> routes;
    private ServiceRegistration<SSLContext> trust;
    private final List<String> subjects = new CopyOnWriteArrayList<>();

    @Configuration
    public Option[] config() {
        return seraiDistribution(
                listenersOnFreePorts("mta", "imaps"),
                editConfigurationFilePut("etc/io.serai.store.cfg", "domains", "serai.test"));
    }

    @Before
    public void accountAndTrust() throws Exception {
        awaitListening(SMTP_PORT, IMAPS_PORT);
        if (store.accounts().accounts("serai.test").isEmpty()) {
            store.accounts().createAccount(USER, PASSWORD.toCharArray());
            store.mailboxes(USER).create("Processed");
        }
        // the client trusts exactly the certificate the distribution generated at first start
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("karaf.etc"), "serai-tls.p12"))) {
            keys.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(keys);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("osgi.jndi.service.name", TRUST_BEAN);
        trust = bundleContext.registerService(SSLContext.class, context, props);
    }

    @After
    public void unregister() {
        if (routes != null) {
            routes.unregister();
        }
        trust.unregister();
    }

    @Test
    public void pushedMessageReachesTheRouteWithinASecondAndIsMoved() throws Exception {
        // the certificate names localhost; the listener is reached as 127.0.0.1
        String uri = "imap-idle:127.0.0.1:" + IMAPS_PORT + "?ssl=true&sslContext=#" + TRUST_BEAN
                + "&checkServerIdentity=false&username=" + USER + "&password=" + PASSWORD + "&moveTo=Processed";
        routes = bundleContext.registerService(RoutesBuilder.class, new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("it-imap-idle")
                        .process(exchange -> subjects.add(exchange.getIn().getHeader("SeraiImapSubject", String.class)));
            }
        }, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> camelContext.getRoute("it-imap-idle") != null
                && camelContext.getRouteController().getRouteStatus("it-imap-idle") == ServiceStatus.Started);

        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName consumer = await().atMost(Duration.ofSeconds(30)).until(() -> idleConsumer(jmx), n -> n != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> "IDLE".equals(jmx.getAttribute(consumer, "Mode")));

        withMailClassLoader(() -> send("Karawanserei ✓ push"));
        await().atMost(Duration.ofSeconds(1)).until(() -> subjects.size() == 1);
        assertEquals("Karawanserei ✓ push", subjects.get(0));

        await().atMost(Duration.ofSeconds(10)).until(() -> store.mailboxes(USER).open("Processed").uids().length == 1
                && store.mailboxes(USER).open("INBOX").uids().length == 0);
        assertEquals(1L, jmx.getAttribute(consumer, "MessagesProcessed"));
    }

    private static ObjectName idleConsumer(MBeanServer jmx) throws Exception {
        Set<ObjectName> names = jmx.queryNames(new ObjectName("org.apache.camel:type=consumers,*"), null);
        return names.stream().filter(n -> n.toString().contains("ImapIdleConsumer")).findFirst().orElse(null);
    }

    private static void send(String subject) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", SMTP_PORT);
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("caravan@remote.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(USER));
        message.setSubject(subject, "UTF-8");
        message.setText("pushed, not polled", "UTF-8");
        Transport.send(message);
    }
}
