package io.serai.imap.transport;

import static io.serai.imap.transport.ServerFixture.ALICE;
import static io.serai.imap.transport.ServerFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serai.imap.api.Limits;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * APPEND of a 5 MB message over a real socket streams through a spool file (default threshold, 256 KiB) into the
 * store: Angus Mail (which sends LITERAL+ literals once advertised), a raw synchronizing literal and a raw {@code {n+}}
 * all come back from FETCH BODY[] octet for octet, and no spool file is left, not even when the client goes away
 * mid-literal.
 */
class LargeAppendOverSocketTest {

    static final int FIVE_MB = 5 * 1024 * 1024;

    @TempDir
    Path dir;
    private Path spool;
    private ServerFixture fixture;

    @BeforeEach
    void start() throws Exception {
        spool = Files.createDirectories(dir.resolve("spool"));
        fixture = new ServerFixture(dir.resolve("store"), b -> b.spoolDirectory(spool)
                .limits(Limits.defaults().withAuthFailureDelay(Duration.ZERO, Duration.ZERO)));
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    /** An RFC 5322 message of {@code size} octets, CRLF lines of varied 7-bit text. */
    static byte[] message(int size) {
        return message(size, 94);
    }

    /** As {@link #message(int)} with 8-bit octets too (0x21 to 0xFF): what IMAP must keep as octets. */
    static byte[] message8bit(int size) {
        return message(size, 0xdf);
    }

    private static byte[] message(int size, int values) {
        byte[] head = "From: alice@example.org\r\nSubject: large\r\nMessage-ID: <large@example.org>\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = Arrays.copyOf(head, size);
        for (int i = head.length, j = 0; i < size; i++, j++) {
            bytes[i] = (byte) (j % 80 == 78 ? '\r' : j % 80 == 79 ? '\n' : 33 + (int) ((j * 7919L) % values));
        }
        if (bytes[size - 3] == '\r') {
            bytes[size - 3] = 'x';
        }
        bytes[size - 2] = '\r';
        bytes[size - 1] = '\n';
        return bytes;
    }

    private long[] inboxUids() throws Exception {
        return fixture.store.mailboxes(ALICE).open("INBOX").uids();
    }

    private long spoolFiles() throws IOException {
        try (Stream<Path> files = Files.list(spool)) {
            return files.count();
        }
    }

    static RawImapBytesClient login(ServerFixture fixture) throws IOException {
        RawImapBytesClient client = new RawImapBytesClient(fixture.address);
        String reply = new String(client.command("l", "LOGIN " + ALICE + " " + PASSWORD), StandardCharsets.US_ASCII);
        assertThat(reply).contains("l OK");
        return client;
    }

    /** The octets of the {@code BODY[] {n}} literal in a FETCH response. */
    static byte[] bodyLiteral(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("BODY[] {");
        assertThat(at).as("BODY[] in %s", text.length() > 200 ? text.substring(0, 200) : text).isNotNegative();
        int close = text.indexOf("}\r\n", at);
        int n = Integer.parseInt(text.substring(at + "BODY[] {".length(), close));
        return Arrays.copyOfRange(response, close + 3, close + 3 + n);
    }

    private byte[] fetchBody(RawImapBytesClient client, int seq) throws IOException {
        assertThat(new String(client.command("s", "SELECT INBOX"), StandardCharsets.US_ASCII)).contains("s OK");
        return bodyLiteral(client.command("f", "FETCH " + seq + " BODY.PEEK[]"));
    }

    @Test
    void angusMailAppendsFiveMegabytesThatFetchBodyReturnsOctetForOctet() throws Exception {
        byte[] bytes = message(FIVE_MB);
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "10000");
        props.put("mail.imap.timeout", "30000");
        Session session = Session.getInstance(props);
        Store store = session.getStore("imap");
        store.connect("127.0.0.1", fixture.address.getPort(), ALICE, PASSWORD);
        try {
            Folder inbox = store.getFolder("INBOX");
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(bytes));
            inbox.appendMessages(new Message[] {message});
        } finally {
            store.close();
        }
        assertThat(inboxUids()).hasSize(1);
        try (RawImapBytesClient client = login(fixture)) {
            assertThat(fetchBody(client, 1)).isEqualTo(bytes);
        }
        assertThat(spoolFiles()).isZero();
    }

    @Test
    void rawSynchronizingLiteralOfFiveMegabytesIsSpooledAndStoredExactly() throws Exception {
        byte[] bytes = message8bit(FIVE_MB);
        try (RawImapBytesClient client = login(fixture)) {
            client.send("a APPEND INBOX (\\Seen) {" + bytes.length + "}\r\n");
            assertThat(new String(client.line(), StandardCharsets.US_ASCII)).startsWith("+ ");
            client.send(Arrays.copyOf(bytes, FIVE_MB / 2));
            await().atMost(Duration.ofSeconds(10)).until(() -> spoolFiles() == 1); // on disk while it arrives
            client.send(Arrays.copyOfRange(bytes, FIVE_MB / 2, bytes.length));
            client.send("\r\n");
            assertThat(new String(client.untilTagged("a"), StandardCharsets.US_ASCII))
                    .matches("(?s)a OK \\[APPENDUID \\d+ 1] APPEND completed\r\n");
            assertThat(spoolFiles()).isZero(); // deleted before the reply was written
            assertThat(fetchBody(client, 1)).isEqualTo(bytes);
        }
    }

    @Test
    void rawNonSynchronizingLiteralOfFiveMegabytesNeedsNoContinuation() throws Exception {
        // LITERAL+ (RFC 7888 §3): the octets follow {n+} at once, and no "+" comes back
        byte[] bytes = message8bit(FIVE_MB);
        try (RawImapBytesClient client = login(fixture)) {
            client.send("a APPEND INBOX {" + bytes.length + "+}\r\n");
            client.send(bytes);
            client.send("\r\n");
            assertThat(new String(client.untilTagged("a"), StandardCharsets.US_ASCII))
                    .matches("a OK \\[APPENDUID \\d+ 1] APPEND completed\r\n");
            assertThat(fetchBody(client, 1)).isEqualTo(bytes);
        }
        assertThat(spoolFiles()).isZero();
    }

    @Test
    void disconnectMidLiteralLeavesNoSpoolFileAndNoMessage() throws Exception {
        byte[] bytes = message(FIVE_MB);
        try (RawImapBytesClient client = login(fixture)) {
            client.send("a APPEND INBOX {" + bytes.length + "}\r\n");
            assertThat(new String(client.line(), StandardCharsets.US_ASCII)).startsWith("+ ");
            client.send(Arrays.copyOf(bytes, 1024 * 1024));
            await().atMost(Duration.ofSeconds(10)).until(() -> spoolFiles() == 1);
        } // the socket closes with 4 MB still to come
        await().atMost(Duration.ofSeconds(10)).until(() -> spoolFiles() == 0);
        assertThat(inboxUids()).isEmpty();
    }

    @Test
    void messagesWithinTheThresholdStayInMemory() throws Exception {
        // a spool directory that does not exist: only literals past the threshold need it
        try (ServerFixture noSpool = new ServerFixture(dir.resolve("store2"), b -> b
                .spoolDirectory(dir.resolve("missing"))
                .limits(Limits.defaults().withAuthFailureDelay(Duration.ZERO, Duration.ZERO)));
             RawImapBytesClient client = login(noSpool)) {
            byte[] small = message(Limits.DEFAULT_SPOOL_THRESHOLD - 100);
            client.send("a APPEND INBOX {" + small.length + "+}\r\n");
            client.send(small);
            client.send("\r\n");
            assertThat(new String(client.untilTagged("a"), StandardCharsets.US_ASCII)).contains("a OK [APPENDUID");
            assertThat(fetchBody(client, 1)).isEqualTo(small);

            byte[] large = message(Limits.DEFAULT_SPOOL_THRESHOLD + 1);
            client.send("b APPEND INBOX {" + large.length + "}\r\n");
            // RFC 5530 UNAVAILABLE instead of the continuation: the literal would have needed the spool
            assertThat(new String(client.line(), StandardCharsets.US_ASCII))
                    .isEqualTo("b BAD [UNAVAILABLE] Cannot spool the literal\r\n");
        }
    }
}
