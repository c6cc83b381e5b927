package io.serai.imap.protocol.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.imap.protocol.decode.CommandFrame;
import io.serai.imap.protocol.decode.CommandFramer;
import io.serai.imap.protocol.decode.DecodeException;
import io.serai.imap.protocol.decode.FrameSink;
import io.serai.imap.protocol.decode.FramerLimits;
import io.serai.imap.protocol.encode.ResponseEncoder;
import io.serai.imap.protocol.literal.LiteralSpool;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.store.api.Mailbox;
import io.serai.store.api.QuotaLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * APPEND of literals that went to spool files: the store gets the octets as a stream, and the files are gone after
 * every outcome (OK, NO [TOOBIG], BAD, a MULTIAPPEND that appends nothing).
 */
class SpooledAppendTest {

    @TempDir
    Path dir;
    private Path spoolDir;
    private SessionHarness h;
    private CommandFramer framer;
    private final ResponseEncoder encoder = new ResponseEncoder();

    @BeforeEach
    void login() throws Exception {
        h = SessionHarness.loggedIn(dir.resolve("store"));
        spoolDir = Files.createDirectories(dir.resolve("spool"));
        // every literal to a file; the harness's APPENDLIMIT is 1,000,000 octets
        framer = new CommandFramer(new FramerLimits(8192, 2_000_000, 4_100_000, 2_000_000),
                new LiteralSpool(0, spoolDir));
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    /** Frames {@code input} (non-synchronizing literals only) and runs the command; the wire responses. */
    private String run(byte[] input) {
        List<CommandFrame> frames = new ArrayList<>();
        framer.feed(input, 0, input.length, new FrameSink() {
            @Override
            public void continuationNeeded() {
                throw new AssertionError("only {n+} literals here");
            }

            @Override
            public void command(CommandFrame frame) {
                frames.add(frame);
            }

            @Override
            public void error(DecodeException error) {
                throw new AssertionError(error);
            }
        });
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0).spooledCount()).isPositive();
        StringBuilder out = new StringBuilder();
        for (ImapResponse r : h.session.receive(frames.get(0))) {
            out.append(new String(encoder.encode(r, false), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /** The octets of the parts in order: a String as ASCII, a byte[] as it is. */
    private static byte[] concat(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(part instanceof byte[] b ? b : ((String) part).getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    private static byte[] message(int size) {
        byte[] m = new byte[size];
        byte[] head = "Subject: spooled\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, m, 0, head.length);
        for (int i = head.length; i < size; i++) {
            m[i] = (byte) ((i % 80 == 78) ? '\r' : (i % 80 == 79) ? '\n' : 0x20 + (i * 31) % 0xdf);
        }
        return m;
    }

    private List<Path> spoolFiles() throws IOException {
        try (Stream<Path> files = Files.list(spoolDir)) {
            return files.toList();
        }
    }

    private Mailbox inbox() throws Exception {
        return h.store.mailboxes(SessionHarness.USER).open("INBOX");
    }

    @Test
    void spooledMessageIsStoredOctetForOctetAndItsFileDeleted() throws Exception {
        byte[] message = message(300_000);
        String reply = run(concat("a APPEND INBOX (\\Seen) {300000+}\r\n", message, "\r\n"));
        assertThat(reply).startsWith("a OK [APPENDUID ").endsWith("] APPEND completed\r\n");
        try (InputStream in = inbox().content(inbox().uids()[0]).openStream()) {
            assertThat(in.readAllBytes()).isEqualTo(message);
        }
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void messageOverTheAppendLimitIsRefusedWithTooBigAndItsFileDeleted() throws Exception {
        // RFC 7889 §3 / RFC 9051 §7.1: NO [TOOBIG] for a message larger than APPENDLIMIT
        String reply = run(concat("a APPEND INBOX {1000001+}\r\n", message(1_000_001), "\r\n"));
        assertThat(reply).isEqualTo("a NO [TOOBIG] Message exceeds APPENDLIMIT\r\n");
        assertThat(inbox().uids()).isEmpty();
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void multiappendRefusedByItsSecondMessageAppendsNothingAndDeletesEveryFile() throws Exception {
        byte[] m = message(2000);
        String reply = run(concat("a APPEND INBOX {2000+}\r\n", m, " (\\Bogus) {2000+}\r\n", m, "\r\n"));
        assertThat(reply).isEqualTo("a BAD Unknown system flag\r\n");
        assertThat(inbox().uids()).isEmpty();
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void multiappendThatTheStoreRollsBackOverQuotaDeletesEveryFile() throws Exception {
        // room for one 5000-octet message but not two: the store refuses the whole MULTIAPPEND (RFC 3502 §6.3.11)
        h.store.accounts().setQuota(SessionHarness.USER, new QuotaLimits(8000, 100));
        byte[] m = message(5000);
        String reply = run(concat("a APPEND INBOX {5000+}\r\n", m, " {5000+}\r\n", m, "\r\n"));
        assertThat(reply).isEqualTo("a NO [OVERQUOTA] Quota exceeded\r\n");
        assertThat(inbox().uids()).isEmpty();
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void appendToAMissingMailboxDeletesTheFiles() throws Exception {
        byte[] m = message(2000);
        String reply = run(concat("a APPEND Nowhere {2000+}\r\n", m, " {2000+}\r\n", m, "\r\n"));
        assertThat(reply).isEqualTo("a NO [TRYCREATE] No such mailbox\r\n");
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void multiappendOfSpooledMessagesAppendsThemAll() throws Exception {
        byte[] first = message(5000);
        byte[] second = message(7000);
        String reply = run(concat("a APPEND INBOX {5000+}\r\n", first, " {7000+}\r\n", second, "\r\n"));
        assertThat(reply).contains("a OK [APPENDUID ").endsWith(" 1:2] APPEND completed\r\n");
        long[] uids = inbox().uids();
        try (InputStream a = inbox().content(uids[0]).openStream();
             InputStream b = inbox().content(uids[1]).openStream()) {
            assertThat(a.readAllBytes()).isEqualTo(first);
            assertThat(b.readAllBytes()).isEqualTo(second);
        }
        assertThat(spoolFiles()).isEmpty();
    }
}
