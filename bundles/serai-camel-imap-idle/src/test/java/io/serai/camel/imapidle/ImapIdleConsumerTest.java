package io.serai.camel.imapidle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The imap-idle consumer against GreenMail over real sockets, with a TCP proxy to break and shape connections. */
class ImapIdleConsumerTest {

    private GreenMailFixture mail;
    private TcpProxy proxy;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @TempDir
    Path stateDir;

    @BeforeAll
    static void ignoreServerThreadErrors() {
        // GreenMail's connection threads throw when the proxy cuts them off; that is the point of these tests
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
    }

    @BeforeEach
    void startServer() throws Exception {
        mail = new GreenMailFixture();
        proxy = new TcpProxy(mail.imapPort());
    }

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
        proxy.close();
        mail.close();
    }

    private String uri(String options) {
        return "imap-idle:127.0.0.1:" + proxy.port() + "?username=" + GreenMailFixture.USER + "&password="
                + GreenMailFixture.PASSWORD + "&reconnectInitialDelay=50&reconnectMaxDelay=200"
                + (options.isEmpty() ? "" : "&" + options);
    }

    private RouteHarness route(String options) throws Exception {
        return route(options, 0);
    }

    private RouteHarness route(String options, int failFirst) throws Exception {
        RouteHarness harness = new RouteHarness(uri(options), failFirst);
        closeables.add(0, harness);
        return harness;
    }

    @Test
    void messageSentOverSmtpReachesTheRouteWithinOneSecond() throws Exception {
        RouteHarness route = route("");
        await().atMost(Duration.ofSeconds(10)).until(() -> route.consumer().mode() == ImapIdleMode.IDLE);

        String subject = "Grüße aus Köln – 東京";
        mail.send(subject);

        await().atMost(Duration.ofSeconds(1)).until(() -> route.received.size() == 1);
        RouteHarness.Received got = route.received.get(0);
        assertThat(got.subject()).isEqualTo(subject);
        assertThat(got.from()).isEqualTo("\"Alice Ünal\" <alice@example.com>");
        assertThat(got.uid()).isPositive();
        assertThat(got.uidValidity()).isPositive();
        assertThat(got.messageKey()).isEqualTo(got.uidValidity() + ":" + got.uid());
        String raw = new String(got.body(), StandardCharsets.US_ASCII);
        assertThat(raw).contains("Subject: =?UTF-8?").contains("\r\n\r\n");
        // committed after the exchange: \Seen set, message left in the folder
        await().atMost(Duration.ofSeconds(5)).until(() -> mail.seen("INBOX")[0]);
        assertThat(mail.count("INBOX")).isEqualTo(1);
        assertThat(route.consumer().getLastCommittedUid()).isEqualTo(got.uid());
        assertThat(route.consumer().getLastMessageTime()).isNotNull();
        assertThat(proxy.clientText()).contains("IDLE").contains("BODY.PEEK[]");
    }

    /**
     * Each message is sent only after the previous one reached the route, so each arrives just as the consumer
     * re-enters IDLE: an EXISTS flushed before IDLE's "+" once left a message waiting for the next one.
     */
    @Test
    void everyMessageOfASequenceArrivesWithoutWaitingForTheNext() throws Exception {
        // straight to GreenMail: the proxy's line-by-line copying changes the timing that matters here
        RouteHarness route = new RouteHarness("imap-idle:127.0.0.1:" + mail.imapPort() + "?username="
                + GreenMailFixture.USER + "&password=" + GreenMailFixture.PASSWORD);
        closeables.add(0, route);
        await().atMost(Duration.ofSeconds(10)).until(() -> route.consumer().mode() == ImapIdleMode.IDLE);
        for (int i = 1; i <= 30; i++) {
            mail.send("seq-" + i);
            int expected = i;
            await().atMost(Duration.ofSeconds(2)).until(() -> route.received.size() == expected);
        }
        assertThat(route.received).extracting(RouteHarness.Received::uid).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void droppedConnectionLosesAndDuplicatesNothing() throws Exception {
        RouteHarness route = route("");
        await().atMost(Duration.ofSeconds(10)).until(() -> route.consumer().mode() == ImapIdleMode.IDLE);
        mail.send("m1");
        mail.send("m2");
        // committed, not only received: a drop during the commit would (rightly) offer m2 again
        await().atMost(Duration.ofSeconds(5)).until(() -> route.consumer().getMessagesProcessed() == 2);

        // the network goes away while the consumer idles; mail keeps arriving at the server
        proxy.dropAll(true);
        await().atMost(Duration.ofSeconds(5)).until(() -> route.consumer().mode() == ImapIdleMode.DISCONNECTED);
        mail.send("m3");
        mail.send("m4");
        await().atMost(Duration.ofSeconds(5)).until(() -> route.consumer().getReconnects() >= 2);
        proxy.accepting();

        await().atMost(Duration.ofSeconds(10)).until(() -> route.received.size() >= 4);
        mail.send("m5");
        await().atMost(Duration.ofSeconds(5)).until(() -> route.received.size() >= 5);
        assertThat(route.subjects()).containsExactly("m1", "m2", "m3", "m4", "m5");
        assertThat(route.received).extracting(RouteHarness.Received::uid).isSorted().doesNotHaveDuplicates();
        assertThat(route.consumer().getLastError()).isNotNull();
        assertThat(route.consumer().mode()).isEqualTo(ImapIdleMode.IDLE);
    }

    @Test
    void serverRestartWithARecreatedMailboxLosesAndDuplicatesNothing() throws Exception {
        RouteHarness route = route("");
        await().atMost(Duration.ofSeconds(10)).until(() -> route.consumer().mode() == ImapIdleMode.IDLE);
        mail.send("before-1");
        mail.send("before-2");
        await().atMost(Duration.ofSeconds(5)).until(() -> route.consumer().getMessagesProcessed() == 2);
        long uidValidityBefore = route.consumer().getUidValidity();

        // GreenMail forgets users and mailboxes on stop (a new store, new UIDVALIDITY) and takes new dynamic ports
        mail.greenMail.stop();
        await().atMost(Duration.ofSeconds(5)).until(() -> route.consumer().mode() == ImapIdleMode.DISCONNECTED);
        mail.greenMail.start();
        mail.greenMail.setUser(GreenMailFixture.USER, GreenMailFixture.USER, GreenMailFixture.PASSWORD);
        proxy.retarget(mail.imapPort());
        // both at once: a message that lands in the window between the consumer's catch-up and its IDLE command
        // may not be announced by GreenMail until the next one arrives (Serai's server reports pending changes when
        // IDLE starts: ImapIdleAgainstSeraiTest checks one message at a time against it)
        mail.send("after-1");
        mail.send("after-2");
        await().atMost(Duration.ofSeconds(15)).until(() -> route.received.size() >= 4);
        assertThat(route.subjects()).containsExactly("before-1", "before-2", "after-1", "after-2");
        assertThat(route.consumer().getUidValidity()).isNotEqualTo(uidValidityBefore);
    }

    @Test
    void fallsBackToPollingWhenTheServerLacksIdle() throws Exception {
        proxy.stripCapability("IDLE");
        RouteHarness route = route("pollInterval=200");
        await().atMost(Duration.ofSeconds(10)).until(() -> route.consumer().mode() == ImapIdleMode.POLLING);
        mail.send("polled");
        await().atMost(Duration.ofSeconds(5)).until(() -> route.received.size() == 1);
        assertThat(route.subjects()).containsExactly("polled");
        assertThat(proxy.clientText()).doesNotContain(" IDLE\r\n").contains(" NOOP\r\n");
    }

    @Test
    void moveToUsesMoveWhenTheServerHasIt() throws Exception {
        RouteHarness route = route("moveTo=Processed");
        mail.send("to-move");
        await().atMost(Duration.ofSeconds(10)).until(() -> mail.count("Processed") == 1);
        assertThat(mail.count("INBOX")).isZero();
        assertThat(mail.seen("Processed")).containsExactly(true);
        assertThat(proxy.clientText()).containsPattern(" MOVE \\d+ Processed").doesNotContain(" COPY ");
        assertThat(route.subjects()).containsExactly("to-move");
    }

    @Test
    void moveToFallsBackToCopyDeleteExpungeWithoutMove() throws Exception {
        proxy.stripCapability("MOVE");
        RouteHarness route = route("moveTo=Processed");
        mail.send("to-copy");
        await().atMost(Duration.ofSeconds(10)).until(() -> mail.count("Processed") == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> mail.count("INBOX") == 0);
        assertThat(proxy.clientText()).contains(" COPY ").contains("EXPUNGE").doesNotContain(" MOVE ");
        assertThat(route.subjects()).containsExactly("to-copy");
    }

    @Test
    void deleteExpungesAfterTheExchange() throws Exception {
        RouteHarness route = route("delete=true");
        mail.send("to-delete");
        await().atMost(Duration.ofSeconds(10)).until(() -> route.received.size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> mail.count("INBOX") == 0);
        assertThat(proxy.clientText()).contains("EXPUNGE");
    }

    @Test
    void failedExchangeLeavesTheMessageAndItIsOfferedAgain() throws Exception {
        RouteHarness route = route("", 2);
        mail.send("fails-twice");
        mail.send("next");
        await().atMost(Duration.ofSeconds(10)).until(() -> route.received.size() == 2);
        // two failed attempts of the first message, then it and the next one, in order
        assertThat(route.attempts.get()).isEqualTo(4);
        assertThat(route.subjects()).containsExactly("fails-twice", "next");
        assertThat(route.consumer().getLastError()).contains("route failure for the test");
    }

    @Test
    void failedExchangeDoesNotSetSeen() throws Exception {
        RouteHarness route = route("", Integer.MAX_VALUE);
        mail.send("always-fails");
        await().atMost(Duration.ofSeconds(10)).until(() -> route.attempts.get() >= 2);
        assertThat(mail.seen("INBOX")).containsExactly(false);
        assertThat(route.consumer().getLastCommittedUid()).isZero();
    }

    @Test
    void stateFileCarriesTheWatermarkAcrossARestart() throws Exception {
        // markSeen=false: nothing on the server tells done from new, only the watermark does
        String options = "markSeen=false&stateDirectory=" + stateDir;
        RouteHarness first = route(options);
        mail.send("one");
        mail.send("two");
        await().atMost(Duration.ofSeconds(10)).until(() -> first.received.size() == 2);
        long uidValidity = first.received.get(0).uidValidity();
        first.close();
        closeables.remove(first);

        mail.send("three");
        RouteHarness second = route(options);
        await().atMost(Duration.ofSeconds(10)).until(() -> second.received.size() == 1);
        mail.send("four");
        await().atMost(Duration.ofSeconds(5)).until(() -> second.received.size() == 2);
        assertThat(second.subjects()).containsExactly("three", "four");
        try (var files = Files.list(stateDir)) {
            Path state = files.filter(p -> p.toString().endsWith(".uid")).findFirst().orElseThrow();
            assertThat(Files.readString(state).trim()).isEqualTo(uidValidity + " " + second.received.get(1).uid());
        }
    }

    @Test
    void changedUidValidityOffersTheFolderAgainExceptSeenMessages() throws Exception {
        String options = "stateDirectory=" + stateDir;
        RouteHarness first = route(options);
        mail.send("done-before");
        await().atMost(Duration.ofSeconds(10)).until(() -> first.received.size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> mail.seen("INBOX")[0]);
        first.close();
        closeables.remove(first);

        // the state now names another UIDVALIDITY (the mailbox was recreated) with a UID above everything
        Path state;
        try (var files = Files.list(stateDir)) {
            state = files.filter(p -> p.toString().endsWith(".uid")).findFirst().orElseThrow();
        }
        Files.writeString(state, "424242 999999\n");
        mail.send("new-after-change");

        RouteHarness second = route(options);
        await().atMost(Duration.ofSeconds(10)).until(() -> second.received.size() == 1);
        assertThat(second.subjects()).containsExactly("new-after-change");
        long serverUidValidity = second.received.get(0).uidValidity();
        assertThat(serverUidValidity).isNotEqualTo(424242L);
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.readString(state).trim()
                .equals(serverUidValidity + " " + second.received.get(0).uid()));
    }

    @Test
    void idleIsRenewedAfterIdleRefresh() throws Exception {
        RouteHarness route = route("idleRefresh=200");
        await().atMost(Duration.ofSeconds(10)).until(() -> count(proxy.clientText(), " IDLE\r\n") >= 3);
        assertThat(proxy.clientText()).contains("DONE\r\n");
        mail.send("after-refreshes");
        await().atMost(Duration.ofSeconds(2)).until(() -> route.received.size() == 1);
        assertThat(route.consumer().getReconnects()).isZero();
    }

    @Test
    void statusIsVisibleOverJmx() throws Exception {
        RouteHarness route = route("");
        await().atMost(Duration.ofSeconds(10)).until(() -> route.consumer().mode() == ImapIdleMode.IDLE);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = server.queryNames(new ObjectName("org.apache.camel:type=consumers,*"), null);
        ObjectName consumer = names.stream().filter(n -> n.toString().contains("ImapIdleConsumer")).findFirst()
                .orElseThrow(() -> new AssertionError("no imap-idle consumer MBean in " + names));
        assertThat(server.getAttribute(consumer, "Mode")).isEqualTo("IDLE");
        mail.send("jmx");
        await().atMost(Duration.ofSeconds(5)).until(() -> server.getAttribute(consumer, "LastMessageTime") != null);
        assertThat(server.getAttribute(consumer, "MessagesProcessed")).isEqualTo(1L);
        proxy.dropAll(true);
        await().atMost(Duration.ofSeconds(5)).until(() -> "DISCONNECTED".equals(server.getAttribute(consumer, "Mode")));
        assertThat((String) server.getAttribute(consumer, "LastError")).isNotBlank();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
