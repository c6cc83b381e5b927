package io.serai.imap.transport;

import static io.serai.imap.transport.ServerFixture.ALICE;
import static io.serai.imap.transport.ServerFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.serai.imap.api.TlsMode;
import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.Mailbox;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The curl command-line client fetches messages over imap:// (plaintext and STARTTLS) and compares them with the
 * stored bytes: curl's {@code imap://host/INBOX;UID=n} is {@code UID FETCH n BODY[]}. Skipped when curl is
 * missing, except on CI (env CI=true), which installs it and must not skip silently.
 */
class CurlImapInteropTest {

    static final Path CURL = Path.of("/usr/bin/curl");
    /** Binary-ish content, a dot line and no final CRLF: nothing may be added, dropped or re-encoded. */
    static final byte[] MESSAGE = ("From: Bob <bob@example.net>\r\nTo: alice@example.org\r\nSubject: curl\r\n"
            + "\r\nfirst line\r\n.\r\n\u00e9t\u00e9 in Latin-1\r\nlast line without CRLF")
            .getBytes(StandardCharsets.ISO_8859_1);

    static TestCertificate tls;

    @TempDir
    Path dir;
    ServerFixture fixture;

    @BeforeAll
    static void requireCurl() throws Exception {
        if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
            assumeTrue(Files.isExecutable(CURL), "curl is not installed");
        }
        tls = new TestCertificate();
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void fetchesByteIdenticalOverPlainImap() throws Exception {
        fixture = new ServerFixture(dir.resolve("store"), b -> b);
        long uid = appendToInbox(MESSAGE);
        long other = appendToInbox("Subject: other\r\n\r\nother\r\n".getBytes(StandardCharsets.US_ASCII));
        String base = "imap://127.0.0.1:" + fixture.address.getPort() + "/INBOX";
        assertThat(curl(base + ";UID=" + uid)).isEqualTo(MESSAGE);
        assertThat(curl(base + ";UID=" + other)).isEqualTo(stored(other));
        // a section: curl's ;SECTION= is BODY[<section>]
        assertThat(new String(curl(base + ";UID=" + uid + "/;SECTION=HEADER.FIELDS%20(SUBJECT)"),
                StandardCharsets.ISO_8859_1)).isEqualTo("Subject: curl\r\n\r\n");
    }

    @Test
    void fetchesByteIdenticalOverStarttls() throws Exception {
        fixture = new ServerFixture(dir.resolve("store"), b -> b.tls(TlsMode.STARTTLS, tls.server));
        long uid = appendToInbox(MESSAGE);
        byte[] fetched = curl("imap://127.0.0.1:" + fixture.address.getPort() + "/INBOX;UID=" + uid,
                "--ssl-reqd", "--insecure");
        assertThat(fetched).isEqualTo(MESSAGE);
    }

    private long appendToInbox(byte[] message) throws Exception {
        Mailbox inbox = fixture.store.mailboxes(ALICE).open("INBOX");
        return inbox.append(AppendRequest.of(ContentSource.of(new ByteArrayInputStream(message)))).uids()[0];
    }

    private byte[] stored(long uid) throws Exception {
        try (var in = fixture.store.mailboxes(ALICE).open("INBOX").content(uid).openStream()) {
            return in.readAllBytes();
        }
    }

    private byte[] curl(String url, String... options) throws Exception {
        Path out = Files.createTempFile(dir, "curl", ".eml");
        List<String> command = new ArrayList<>(List.of(CURL.toString(), "--silent", "--show-error", "--max-time",
                "20", "--user", ALICE + ":" + PASSWORD, "--output", out.toString()));
        command.addAll(List.of(options));
        command.add(url);
        Path log = dir.resolve("curl.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(readLog(log)).isZero();
        return Files.readAllBytes(out);
    }

    private static String readLog(Path log) {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
