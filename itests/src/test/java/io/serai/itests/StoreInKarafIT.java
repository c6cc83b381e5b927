package io.serai.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import javax.inject.Inject;

import io.serai.store.api.AppendRequest;
import io.serai.store.api.AppendResult;
import io.serai.store.api.ContentSource;
import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.api.Recipient;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The mailbox store as the distribution runs it: a MailStore service under ${karaf.data}, managed with the
 * serai:* shell commands, and read back through the same service.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StoreInKarafIT extends SeraiKarafTestSupport {

    private static final byte[] MESSAGE = ("From: ops@caravan.test\r\nTo: alice@caravan.test\r\n"
            + "Subject: Stock of camels\r\n\r\nTwelve camels, one caravanserai.\r\n").getBytes(StandardCharsets.US_ASCII);

    @Inject
    private MailStore store;

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] config() {
        return seraiDistribution();
    }

    @Test
    public void shellCommandsManageDomainsAccountsAndMailboxes() throws Exception {
        assertTrue("localhost is configured as a local domain", store.accounts().isLocalDomain("localhost"));

        execute("serai:domain-add caravan.test");
        execute("serai:user-add --password s3cret alice@caravan.test");
        execute("serai:alias-add sales@caravan.test alice@caravan.test");
        execute("serai:mailbox-create alice@caravan.test Projects/Caravan");
        execute("serai:quota-set --size 10M --messages 100 alice@caravan.test");

        assertTrue(store.accounts().verifyPassword("alice@caravan.test", "s3cret".toCharArray()));
        Optional<Recipient> viaAlias = store.recipients().resolve("sales@caravan.test");
        assertEquals("alice@caravan.test", viaAlias.orElseThrow().account());
        assertTrue(execute("serai:mailbox-list alice@caravan.test").contains("Projects/Caravan"));
        assertTrue(execute("serai:user-list caravan.test").contains("10M, 100 messages"));

        Mailbox inbox = store.mailboxes("alice@caravan.test").open("INBOX");
        AppendResult appended = inbox.append(AppendRequest.of(ContentSource.of(new java.io.ByteArrayInputStream(MESSAGE))));
        try (InputStream in = inbox.content(appended.uids()[0]).openStream()) {
            assertArrayEquals(MESSAGE, in.readAllBytes());
        }
        String listing = execute("serai:message-list alice@caravan.test");
        assertTrue(listing, listing.contains("Stock of camels") && listing.contains("ops@caravan.test"));

        String refused = executeExpectingFailure("serai:user-add --password x bob@elsewhere.test");
        assertTrue(refused, refused.contains("not local"));
    }

    @Test
    public void maildirImportAndMboxExportMoveMailInAndOut() throws Exception {
        execute("serai:domain-add move.test");
        execute("serai:user-add --password m0ve carol@move.test");
        java.nio.file.Path maildir = java.nio.file.Files.createTempDirectory("serai-it-maildir");
        for (String folder : new String[] {"cur", "new", "tmp", ".Projects/cur", ".Projects/new", ".Projects/tmp"}) {
            java.nio.file.Files.createDirectories(maildir.resolve(folder));
        }
        // Maildir files use LF; the store keeps CRLF (RFC 5322)
        java.nio.file.Files.writeString(maildir.resolve("cur/1700000000.1.host:2,S"), "Subject: seen one\n\nBody\n");
        java.nio.file.Files.writeString(maildir.resolve(".Projects/new/1700000001.2.host"), "Subject: project\n\nPlan\n");

        String imported = execute("serai:import-maildir carol@move.test " + maildir);
        assertTrue(imported, imported.contains("2 messages"));
        Mailbox projects = store.mailboxes("carol@move.test").open("Projects");
        try (InputStream in = projects.content(projects.uids()[0]).openStream()) {
            assertArrayEquals("Subject: project\r\n\r\nPlan\r\n".getBytes(StandardCharsets.US_ASCII), in.readAllBytes());
        }
        assertTrue(store.mailboxes("carol@move.test").open("INBOX").messages().get(0).flags()
                .has(io.serai.store.api.SystemFlag.SEEN));

        java.nio.file.Path mbox = maildir.resolveSibling(maildir.getFileName() + ".mbox");
        String exported = execute("serai:export-mbox --mailbox Projects carol@move.test " + mbox);
        assertTrue(exported, exported.contains("1 messages"));
        String content = java.nio.file.Files.readString(mbox);
        assertTrue(content, content.startsWith("From ") && content.contains("Subject: project"));
    }

    private String execute(String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            Session session = sessionFactory.create(new java.io.ByteArrayInputStream(new byte[0]), print, print);
            // the commands appear once the MailStore service they need is there
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                session.execute(command);
                return true;
            });
            session.close();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private String executeExpectingFailure(String command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            Session session = sessionFactory.create(new java.io.ByteArrayInputStream(new byte[0]), print, print);
            try {
                session.execute(command);
            } catch (Exception expected) {
                return expected.getMessage();
            } finally {
                session.close();
            }
        }
        throw new AssertionError(command + " should have failed");
    }
}
