package io.serai.smtp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.serai.smtp.api.ListenerKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * swaks, the command-line SMTP client admins use, against our server: PIPELINING, STARTTLS and AUTH as a real
 * client drives them. CI installs swaks (.ci/run); on a developer machine without it the tests are skipped.
 */
class SwaksInteropTest {

    private static TestTls tls;

    @TempDir
    Path spool;

    private ServerFixture fixture;

    @BeforeAll
    static void swaksPresent() throws Exception {
        boolean present = Files.isExecutable(Path.of("/usr/bin/swaks"));
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("swaks is missing: .ci/run installs it");
        }
        Assumptions.assumeTrue(present, "swaks is not installed");
        tls = new TestTls();
    }

    @BeforeEach
    void start() {
        fixture = new ServerFixture(spool);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void pipelinedPlainDeliveryArrivesIntact() throws Exception {
        InetSocketAddress address = fixture.start(ListenerKind.MTA);

        Result result = swaks(address, "--to", "alice@example.org", "--from", "bob@example.net", "--pipeline",
                "--header", "Subject: caravan", "--body", "Twelve camels.\n.leading dot\nlast line");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("PIPELINING").contains("250 2.0.0");
        RecordingHandler.Received received = fixture.handler.received.poll(5, TimeUnit.SECONDS);
        assertThat(received).isNotNull();
        String content = new String(received.content(), StandardCharsets.US_ASCII);
        // swaks dot-stuffs the leading dot; the server must take it off again (RFC 5321 section 4.5.2)
        assertThat(content).contains("Subject: caravan\r\n").contains("\r\n\r\nTwelve camels.\r\n.leading dot\r\nlast line\r\n");
    }

    @Test
    void startTlsThenAuthPlainOnSubmission() throws Exception {
        InetSocketAddress address = fixture.start(ListenerKind.SUBMISSION, b -> b.sslContext(tls.server));

        Result result = swaks(address, "--to", "someone@elsewhere.example", "--from", "alice@example.org", "--tls",
                "--auth", "PLAIN", "--auth-user", "alice@example.org", "--auth-password", "secret");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("220 2.0.0").contains("235 2.7.0").contains("TLS started");
        RecordingHandler.Received received = fixture.handler.received.poll(5, TimeUnit.SECONDS);
        assertThat(received).isNotNull();
        assertThat(received.envelope().tls()).isTrue();
        assertThat(received.envelope().authenticatedUser()).contains("alice@example.org");
    }

    @Test
    void unknownRecipientIsRefusedAtRcpt() throws Exception {
        InetSocketAddress address = fixture.start(ListenerKind.MTA);

        Result result = swaks(address, "--to", "nobody@example.org", "--from", "bob@example.net");

        // swaks exits 24 when the server refuses every recipient
        assertThat(result.exitCode()).as(result.output()).isEqualTo(24);
        assertThat(result.output()).contains("550 5.1.1");
        assertThat(fixture.handler.received).isEmpty();
    }

    private static Result swaks(InetSocketAddress address, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/swaks", "--server",
                address.getHostString() + ":" + address.getPort(), "--helo", "client.example.net", "--timeout", "20"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("swaks did not finish");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {
    }
}
