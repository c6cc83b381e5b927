package io.serai.camel.smtpd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start/stop of the listener with the route, asynchronous routes, and large (spooled) messages stored to files. */
class SmtpdLifecycleTest extends CamelTestSupport {

    @TempDir
    Path dir;

    private SmtpdEndpoint endpointOf(String routeId) {
        return (SmtpdEndpoint) context.getRoute(routeId).getEndpoint();
    }

    @Test
    void portInUseFailsTheRouteStartClearly() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("smtpd:127.0.0.1:" + port).routeId("busy").log("never");
                }
            })).hasStackTraceContaining("smtpd: cannot listen on 127.0.0.1:" + port)
                    .rootCause().isInstanceOf(IOException.class);
        }
    }

    @Test
    void stoppingTheRouteClosesTheListenerAndStartingRebinds() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("smtpd:127.0.0.1:0?localDomains=example.org").routeId("r").log("got ${header.SeraiSmtpTransactionId}");
            }
        });
        InetSocketAddress first = endpointOf("r").getLocalAddress();
        context.getRouteController().stopRoute("r");
        assertThat(endpointOf("r").getLocalAddress()).isNull();
        assertThatThrownBy(() -> new AngusClient(first).send(new AngusClient(first).message(SmtpdRouteTest.RAW),
                "alice@example.org")).isInstanceOf(jakarta.mail.MessagingException.class);

        context.getRouteController().startRoute("r");
        InetSocketAddress second = endpointOf("r").getLocalAddress();
        AngusClient client = new AngusClient(second);
        assertThat(client.send(client.message(SmtpdRouteTest.RAW), "alice@example.org")).startsWith("250 ");
    }

    @Test
    void stoppingTheRouteLetsAMessageInFlightFinishWith250() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("smtpd:127.0.0.1:0?localDomains=example.org").routeId("r").process(exchange -> {
                    entered.countDown();
                    assertThat(release.await(20, TimeUnit.SECONDS)).isTrue();
                });
            }
        });
        AngusClient client = new AngusClient(endpointOf("r").getLocalAddress());
        CompletableFuture<String> sending = CompletableFuture.supplyAsync(() -> {
            try {
                return client.send(client.message(SmtpdRouteTest.RAW), "alice@example.org");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
            try {
                context.getRouteController().stopRoute("r");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !stopping.isDone());
        release.countDown();

        assertThat(sending.get(10, TimeUnit.SECONDS)).startsWith("250 ");
        stopping.get(10, TimeUnit.SECONDS);
        assertThat(endpointOf("r").getLocalAddress()).isNull();
    }

    @Test
    void asyncRouteFailureAfterAHandOffIsStillA451() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("smtpd:127.0.0.1:0?localDomains=example.org").routeId("r")
                        .to("seda:store?waitForTaskToComplete=Always");
                from("seda:store").process(exchange -> {
                    throw new IOException("disk full");
                });
            }
        });
        AngusClient client = new AngusClient(endpointOf("r").getLocalAddress());
        assertThatThrownBy(() -> client.send(client.message(SmtpdRouteTest.RAW), "alice@example.org"))
                .isInstanceOfSatisfying(SMTPSendFailedException.class, e -> assertThat(e.getReturnCode()).isEqualTo(451));
    }

    @Test
    void spooledMessageIsStoredByteIdenticalAndTheSpoolIsRemoved() throws Exception {
        Path spool = Files.createDirectories(dir.resolve("spool"));
        Path store = dir.resolve("store");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("smtpd:127.0.0.1:0?localDomains=example.org&addReturnPath=false&spoolThreshold=1024"
                        + "&spoolDirectory=" + spool)
                        .routeId("r")
                        // the durable hand-off: the 250 is sent only after the file is written
                        .toD("file:" + store + "?fileName=${header.SeraiSmtpTransactionId}.eml");
            }
        });
        StringBuilder raw = new StringBuilder(SmtpdRouteTest.RAW);
        for (int i = 0; i < 2000; i++) {
            raw.append("line ").append(i).append(" of a message larger than the spool threshold\r\n");
        }
        AngusClient client = new AngusClient(endpointOf("r").getLocalAddress());

        String reply = client.send(client.message(raw.toString()), "alice@example.org");

        assertThat(reply).startsWith("250 ");
        byte[] stored;
        try (Stream<Path> files = Files.list(store)) {
            Path file = files.findFirst().orElseThrow();
            assertThat(reply).contains(file.getFileName().toString().replace(".eml", ""));
            stored = Files.readAllBytes(file);
        }
        byte[] sent = raw.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(stored).hasSizeGreaterThan(sent.length);
        assertThat(new String(stored, 0, stored.length - sent.length, StandardCharsets.UTF_8)).startsWith("Received: ");
        assertThat(Arrays.copyOfRange(stored, stored.length - sent.length, stored.length)).isEqualTo(sent);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            try (Stream<Path> left = Files.list(spool)) {
                assertThat(left).isEmpty();
            }
        });
    }
}
