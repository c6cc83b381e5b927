package io.serai.imap.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.imap.protocol.decode.FramerLimits;
import io.serai.imap.protocol.process.AccountCredentials;
import io.serai.imap.protocol.process.ImapConfig;
import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.FlagUpdate;
import io.serai.store.api.Flags;
import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.api.SystemFlag;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * UID COPY, UID MOVE, UID EXPUNGE and UID SEARCH as raw conversations over a real socket: Angus's
 * {@code copyUIDMessages} and {@code getUIDs} need FETCH, which does not exist yet, so the client side is written
 * out here, one command per line, reading until the tagged answer.
 */
class UidPlusSocketTest {

    private static final String USER = "alice@example.org";

    @TempDir
    Path dir;
    private MailStore store;
    private Mailbox inbox;
    private NettyImapServer server;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    @BeforeEach
    void start() throws Exception {
        store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir).withFsync(FsyncPolicy.NEVER));
        store.accounts().addDomain("example.org");
        store.accounts().createAccount(USER, "pencil".toCharArray());
        inbox = store.mailboxes(USER).open("INBOX");
        for (int i = 1; i <= 6; i++) {
            inbox.append(AppendRequest.of(ContentSource.of(new ByteArrayInputStream(
                    ("Subject: m" + i + "\r\n\r\nbody " + i + "\r\n").getBytes(StandardCharsets.US_ASCII)))));
        }
        server = new NettyImapServer(new ImapConfig(store, new AccountCredentials(store.accounts()), true,
                1_000_000, "serai.test", 10), FramerLimits.DEFAULT, null, false);
        InetSocketAddress address = server.start("127.0.0.1", 0);
        socket = new Socket(address.getAddress(), address.getPort());
        socket.setSoTimeout(5000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        assertThat(line()).startsWith("* OK");
        assertThat(send("l LOGIN " + USER + " pencil")).startsWith("l OK [CAPABILITY").contains(" UIDPLUS MOVE ESEARCH");
        assertThat(send("s SELECT INBOX")).contains("* 6 EXISTS\r\n");
    }

    @AfterEach
    void stop() throws Exception {
        socket.close();
        server.close();
        store.close();
    }

    private String line() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            bytes.write(c);
            if (c == '\n') {
                break;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Writes one command and returns every line up to and including the tagged one. */
    private String send(String command) throws IOException {
        return send(command, command.substring(0, command.indexOf(' ') + 1));
    }

    /** Writes {@code text} and CRLF and returns every line up to the one starting with {@code tag}. */
    private String send(String text, String tag) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        StringBuilder reply = new StringBuilder();
        String l;
        do {
            l = line();
            reply.append(l);
        } while (!l.isEmpty() && !l.startsWith(tag));
        return reply.toString();
    }

    @Test
    void uidCopyReportsCopyUidForTheUidsThatExist() throws Exception {
        long validity = store.mailboxes(USER).open("Archive").info().uidValidity();
        assertThat(send("a UID COPY 2:3,5,99 Archive"))
                .isEqualTo("a OK [COPYUID " + validity + " 2:3,5 1:3] COPY completed\r\n");
        assertThat(store.mailboxes(USER).open("Archive").uids()).containsExactly(1, 2, 3);
        assertThat(send("b COPY 1 \"New Folder\"")).isEqualTo("b NO [TRYCREATE] No such mailbox\r\n");
    }

    @Test
    void uidMoveThenUidSearchSeesTheNewMap() throws Exception {
        long validity = store.mailboxes(USER).open("Trash").info().uidValidity();
        assertThat(send("a UID MOVE 1,4:5 Trash")).isEqualTo(""
                + "* OK [COPYUID " + validity + " 1,4:5 1:3] Moved\r\n"
                + "* 1 EXPUNGE\r\n* 3 EXPUNGE\r\n* 3 EXPUNGE\r\n"
                + "* 3 RECENT\r\n" // six recent messages, three moved away (RFC 3501 §7.3.2)
                + "a OK MOVE completed\r\n");
        assertThat(send("b UID SEARCH RETURN (MIN MAX COUNT ALL) ALL"))
                .isEqualTo("* ESEARCH (TAG \"b\") UID MIN 2 MAX 6 COUNT 3 ALL 2:3,6\r\nb OK SEARCH completed\r\n");
        assertThat(send("c SEARCH ALL")).isEqualTo("* SEARCH 1 2 3\r\nc OK SEARCH completed\r\n");
    }

    @Test
    void uidExpungeLeavesOtherDeletedMessages() throws Exception {
        inbox.updateFlags(new long[] {2, 3, 6}, FlagUpdate.add(Flags.of(SystemFlag.DELETED)));
        // another party set the flags: the session hears of them (RFC 9051 §7.5.2) before it expunges
        StringBuilder told = new StringBuilder();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> {
            told.append(send("n NOOP"));
            return told.indexOf("* 2 FETCH") >= 0 && told.indexOf("* 3 FETCH") >= 0 && told.indexOf("* 6 FETCH") >= 0;
        });
        assertThat(send("a UID EXPUNGE 3:6")).isEqualTo("* 3 EXPUNGE\r\n* 5 EXPUNGE\r\n* 4 RECENT\r\na OK UID EXPUNGE completed\r\n");
        assertThat(inbox.uids()).containsExactly(1, 2, 4, 5);
        assertThat(send("b UID SEARCH DELETED")).isEqualTo("* SEARCH 2\r\nb OK SEARCH completed\r\n");
    }

    @Test
    void uidStoreAndSearchWithSynchronizingLiteral() throws Exception {
        assertThat(send("a UID STORE 2,4 +FLAGS ($Label1)")).isEqualTo(""
                + "* FLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft $label1)\r\n"
                + "* OK [PERMANENTFLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft $label1 \\*)] Flags\r\n"
                + "* 2 FETCH (UID 2 FLAGS (\\Recent $label1))\r\n* 4 FETCH (UID 4 FLAGS (\\Recent $label1))\r\n"
                + "a OK STORE completed\r\n"); // delivered before this session's SELECT: \Recent here
        out.write("b UID SEARCH KEYWORD $label1 SUBJECT {2}\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertThat(line()).startsWith("+ ");
        assertThat(send("m4", "b ")).as("the literal, then the rest of the command").isEqualTo("* SEARCH 4\r\nb OK SEARCH completed\r\n");
    }
}
