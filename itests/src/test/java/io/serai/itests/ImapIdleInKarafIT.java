package io.serai.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
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
 * ComponentResolver), against GreenMail running as a bundle in the container on free ports of 127.0.0.1: the
 * consumer reaches IDLE (read over JMX, as an operator would), a message sent over SMTP reaches the route within a
 * second, and moveTo moves it once the exchange is done.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ImapIdleInKarafIT extends SeraiKarafTestSupport {

    private static final String USER = "idle@serai.test";
    private static final String PASSWORD = "caravan-idle";

    @Inject
    private CamelContext camelContext;

    @Inject
    private BundleContext bundleContext;

    private GreenMail greenMail;
    private ServiceRegistration<RoutesBuilder> routes;
    private final List<String> subjects = new CopyOnWriteArrayList<>();

    @Configuration
    public Option[] config() {
        return seraiDistribution(mavenBundle("com.icegreen", "greenmail").versionAsInProject());
    }

    @Before
    public void startMailServer() throws Exception {
        withMailClassLoader(() -> {
            greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
            greenMail.start();
            greenMail.setUser(USER, USER, PASSWORD);
        });
    }

    @After
    public void stopMailServer() {
        if (routes != null) {
            routes.unregister();
        }
        greenMail.stop();
    }

    @Test
    public void pushedMessageReachesTheRouteWithinASecondAndIsMoved() throws Exception {
        String uri = "imap-idle:127.0.0.1:" + greenMail.getImap().getPort() + "?username=" + USER + "&password="
                + PASSWORD + "&moveTo=Processed";
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

        await().atMost(Duration.ofSeconds(10)).until(() -> count("Processed") == 1 && count("INBOX") == 0);
        assertEquals(1L, jmx.getAttribute(consumer, "MessagesProcessed"));
    }

    private static ObjectName idleConsumer(MBeanServer jmx) throws Exception {
        Set<ObjectName> names = jmx.queryNames(new ObjectName("org.apache.camel:type=consumers,*"), null);
        return names.stream().filter(n -> n.toString().contains("ImapIdleConsumer")).findFirst().orElse(null);
    }

    private Properties mailProperties() {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(greenMail.getSmtp().getPort()));
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", Integer.toString(greenMail.getImap().getPort()));
        return props;
    }

    private void send(String subject) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(mailProperties()));
        message.setFrom(new InternetAddress(USER));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(USER));
        message.setSubject(subject, "UTF-8");
        message.setText("pushed, not polled", "UTF-8");
        Transport.send(message);
    }

    private int count(String folderName) throws Exception {
        int[] count = new int[1];
        withMailClassLoader(() -> {
            try (Store store = Session.getInstance(mailProperties()).getStore("imap")) {
                store.connect(USER, PASSWORD);
                Folder folder = store.getFolder(folderName);
                if (folder.exists()) {
                    folder.open(Folder.READ_ONLY);
                    count[0] = folder.getMessageCount();
                    folder.close(false);
                }
            }
        });
        return count[0];
    }

    /** Jakarta Activation finds content handlers through the TCCL (see docs/CAMEL-IN-KARAF.md). */
    private static void withMailClassLoader(ThrowingRunnable work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(org.eclipse.angus.mail.handlers.multipart_mixed.class.getClassLoader());
        try {
            work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
