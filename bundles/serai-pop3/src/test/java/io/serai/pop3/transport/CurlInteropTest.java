package io.serai.pop3.transport;

import static io.serai.pop3.testing.TestStore.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.serai.pop3.testing.TestCertificate;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The curl command-line client downloads and deletes over pop3://, STLS and pop3s://. Skipped when curl is
 * missing, except on CI (env CI=true), which installs it and must not skip silently.
 */
class CurlInteropTest {

    static final Path CURL = Path.of("/usr/bin/curl");
    static final String MESSAGE = "From: Bob <bob@example.net>\r\nTo: Alice <alice@example.org>\r\nSubject: curl\r\n"
            + "\r\nfirst line\r\n.dotted line\r\n..\r\n\r\nlast line without CRLF";
    static final String SECOND = "Subject: second\r\n\r\nsecond\r\n";

    static TestCertificate tls;

    @TempDir
    Path dir;
    ServerFixture fixture;

    @BeforeAll
    static void requireCurl() throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!ci) {
            assumeTrue(Files.isExecutable(CURL), "curl is not installed");
        }
        tls = new TestCertificate();
    }

    @BeforeEach
    void start() throws Exception {
        fixture = new ServerFixture(dir.resolve("store"));
        fixture.store.append(ALICE, MESSAGE + "\r\n");
        fixture.store.append(ALICE, SECOND);
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private byte[] curl(String url, String... options) throws Exception {
        Path out = Files.createTempFile(dir, "curl", ".eml");
        List<String> command = new ArrayList<>(List.of(CURL.toString(), "--silent", "--show-error", "--max-time",
                "20", "--user", ALICE + ":pencil", "--output", out.toString()));
        command.addAll(List.of(options));
        command.add(url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("curl.log").toFile()).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(log()).isZero();
        return Files.readAllBytes(out);
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("curl.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void retrievesByteIdenticalOverPlainPop3() throws Exception {
        InetSocketAddress address = fixture.start(b -> b.userWithoutTls(true));
        String base = "pop3://127.0.0.1:" + address.getPort() + "/";
        assertThat(new String(curl(base + "1"), StandardCharsets.ISO_8859_1)).isEqualTo(MESSAGE + "\r\n");
        assertThat(new String(curl(base + "2"), StandardCharsets.ISO_8859_1)).isEqualTo(SECOND);
        // curl's listing is LIST
        assertThat(new String(curl(base), StandardCharsets.ISO_8859_1))
                .isEqualTo("1 " + (MESSAGE.length() + 2) + "\r\n2 " + SECOND.length() + "\r\n");
        curl(base + "1", "--request", "DELE", "--head");
        assertThat(fixture.store.count(ALICE)).isEqualTo(1);
    }

    @Test
    void retrievesOverStls() throws Exception {
        InetSocketAddress address = fixture.start(b -> b.sslContext(tls.serverContext));
        byte[] message = curl("pop3://127.0.0.1:" + address.getPort() + "/2", "--ssl-reqd", "--insecure");
        assertThat(new String(message, StandardCharsets.ISO_8859_1)).isEqualTo(SECOND);
    }

    @Test
    void retrievesOverPop3s() throws Exception {
        InetSocketAddress address = fixture.start(b -> b.implicitTls(tls.serverContext));
        byte[] message = curl("pop3s://127.0.0.1:" + address.getPort() + "/1", "--insecure");
        assertThat(new String(message, StandardCharsets.ISO_8859_1)).isEqualTo(MESSAGE + "\r\n");
    }
}
