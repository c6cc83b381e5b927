package io.serai.imap.transport;

import static io.serai.imap.transport.ServerFixture.ALICE;
import static io.serai.imap.transport.ServerFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.FlagUpdate;
import io.serai.store.api.Flags;
import io.serai.store.api.Mailbox;
import io.serai.store.api.SystemFlag;
import io.serai.imap.api.Limits;
import io.serai.imap.api.TlsMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * isync's {@code mbsync} (Debian package isync) syncs two folders between the server and a Maildir, both ways:
 * messages and flags from the server to the Maildir, then a flag change and a new message from the Maildir to
 * the server, while the server side changes too; and once more over STARTTLS, mbsync trusting the test
 * certificate through {@code CertificateFile}. Checked on disk (Maildir file names carry the flags, files the
 * bytes with LF line ends) and in the store. Skipped when mbsync is missing, except on CI (env CI=true), which
 * installs it (.ci/run) and must not skip silently.
 */
class MbsyncInteropTest {

    static final Path MBSYNC = Path.of("/usr/bin/mbsync");
    static final String FIRST = "From: Bob <bob@example.net>\r\nTo: alice@example.org\r\nSubject: first\r\n"
            + "\r\nfirst line\r\n.dotted line\r\n";
    static final String SECOND = "From: Bob <bob@example.net>\r\nSubject: second\r\n\r\nflagged\r\n";
    static final String PLAN = "From: Carol <carol@example.net>\r\nSubject: plan\r\n\r\nthe project plan\r\n";

    @TempDir
    Path dir;
    ServerFixture fixture;
    Path maildir;
    Path config;

    @BeforeAll
    static void requireMbsync() {
        if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
            assumeTrue(Files.isExecutable(MBSYNC), "mbsync is not installed (Debian package isync)");
        }
    }

    @BeforeEach
    void maildir() throws Exception {
        maildir = Files.createDirectory(dir.resolve("mail"));
        config = dir.resolve("mbsyncrc");
    }

    /** Plaintext on loopback: the server allows it (allowPlaintextAuth) and AuthMechs LOGIN lets mbsync send it. */
    private void startPlaintext() throws Exception {
        fixture = new ServerFixture(dir.resolve("store"), Limits.defaults());
        writeConfig(List.of("SSLType None", "AuthMechs LOGIN")); // isync 1.4 spelling (1.5 calls it TLSType)
    }

    /** STARTTLS (RFC 9051 section 6.2.1), mbsync trusting exactly the test certificate. */
    private void startStarttls() throws Exception {
        TestCertificate certificate = new TestCertificate();
        Path pem = Files.writeString(dir.resolve("server.pem"), certificate.pem(), StandardCharsets.US_ASCII);
        fixture = new ServerFixture(dir.resolve("store"), b -> b.tls(TlsMode.STARTTLS, certificate.server));
        writeConfig(List.of("SSLType STARTTLS", "CertificateFile " + pem));
    }

    private void writeConfig(List<String> security) throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "IMAPAccount serai",
                "Host 127.0.0.1",
                "Port " + fixture.address.getPort(),
                "User " + ALICE,
                "Pass " + PASSWORD));
        lines.addAll(security);
        lines.addAll(List.of(
                "",
                "IMAPStore serai-remote",
                "Account serai",
                "",
                "MaildirStore local",
                "Path " + maildir + "/",
                "Inbox " + maildir.resolve("INBOX"),
                "SubFolders Verbatim",
                "",
                "Channel serai",
                "Far :serai-remote:",
                "Near :local:",
                "Patterns INBOX Projects",
                "Create Both",
                "Expunge Both",
                "SyncState *",
                "Sync All",
                ""));
        Files.write(config, lines, StandardCharsets.US_ASCII);
    }

    @AfterEach
    void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void syncsTwoFoldersAndFlagsBothWays() throws Exception {
        startPlaintext();
        Mailbox inbox = fixture.store.mailboxes(ALICE).open("INBOX");
        Mailbox projects = fixture.store.mailboxes(ALICE).create("Projects");
        long first = append(inbox, FIRST, Flags.NONE);
        long second = append(inbox, SECOND, Flags.of(SystemFlag.FLAGGED));
        append(projects, PLAN, Flags.of(SystemFlag.SEEN));

        mbsync();
        Map<String, String> inboxFiles = maildirFlagsBySubject(maildir.resolve("INBOX"));
        assertThat(inboxFiles).containsOnlyKeys("first", "second");
        assertThat(inboxFiles.get("first")).isEmpty();
        assertThat(inboxFiles.get("second")).isEqualTo("F");
        assertThat(maildirFlagsBySubject(maildir.resolve("Projects"))).containsExactly(Map.entry("plan", "S"));
        // Maildir keeps LF line ends, and mbsync adds its X-TUID tracking header at the end of the header;
        // otherwise the bytes are the server's
        String copied = Files.readString(fileWithSubject(maildir.resolve("INBOX"), "first"), StandardCharsets.ISO_8859_1);
        assertThat(copied.replaceFirst("\nX-TUID: [^\n]+\n\n", "\n\n")).isEqualTo(FIRST.replace("\r\n", "\n"));

        // near side: read "first" (S) and file a new message in Projects; far side: "second" answered, new mail
        Path firstFile = fileWithSubject(maildir.resolve("INBOX"), "first");
        Files.move(firstFile, firstFile.resolveSibling(firstFile.getFileName().toString() + "S"));
        String note = "From: Alice <alice@example.org>\nSubject: note\n\nwritten offline\n";
        Files.writeString(maildir.resolve("Projects/new/1700000000.1_1.laptop"), note, StandardCharsets.ISO_8859_1);
        inbox.updateFlags(new long[] {second}, FlagUpdate.add(Flags.of(SystemFlag.ANSWERED)));
        String third = "From: Dave <dave@example.net>\r\nSubject: third\r\n\r\nwhile you were away\r\n";
        append(inbox, third, Flags.NONE);

        mbsync();
        assertThat(storedFlags(inbox, first).has(SystemFlag.SEEN)).isTrue();
        assertThat(storedFlags(inbox, second).system()).containsExactlyInAnyOrder(SystemFlag.FLAGGED,
                SystemFlag.ANSWERED);
        assertThat(maildirFlagsBySubject(maildir.resolve("INBOX"))).containsOnly(Map.entry("first", "S"),
                Map.entry("second", "FR"), Map.entry("third", ""));
        // mbsync uploads the Maildir's LF file with CRLF line ends, as IMAP requires (RFC 9051 section 2.3.4)
        long[] planned = projects.uids();
        assertThat(planned).hasSize(2);
        assertThat(new String(content(projects, planned[1]), StandardCharsets.ISO_8859_1)
                .replaceFirst("\r\nX-TUID: [^\r]+\r\n\r\n", "\r\n\r\n")).isEqualTo(note.replace("\n", "\r\n"));
        assertThat(maildirFlagsBySubject(maildir.resolve("Projects"))).containsOnlyKeys("plan", "note");
    }

    @Test
    void syncsOverStarttlsTrustingTheServerCertificate() throws Exception {
        startStarttls();
        Mailbox inbox = fixture.store.mailboxes(ALICE).open("INBOX");
        long uid = append(inbox, SECOND, Flags.of(SystemFlag.FLAGGED));
        fixture.store.mailboxes(ALICE).create("Projects");

        mbsync();
        assertThat(maildirFlagsBySubject(maildir.resolve("INBOX"))).containsExactly(Map.entry("second", "F"));
        Path file = fileWithSubject(maildir.resolve("INBOX"), "second");
        Files.move(file, file.resolveSibling(file.getFileName().toString().replace(":2,F", ":2,")));
        mbsync();
        assertThat(storedFlags(inbox, uid).has(SystemFlag.FLAGGED)).isFalse();
    }

    private long append(Mailbox mailbox, String message, Flags flags) throws Exception {
        return mailbox.append(new AppendRequest(ContentSource.of(
                new ByteArrayInputStream(message.getBytes(StandardCharsets.US_ASCII))), Instant.now(), flags)).uids()[0];
    }

    private static Flags storedFlags(Mailbox mailbox, long uid) throws Exception {
        return mailbox.messages(uid, uid).get(0).flags();
    }

    private static byte[] content(Mailbox mailbox, long uid) throws Exception {
        try (InputStream in = mailbox.content(uid).openStream()) {
            return in.readAllBytes();
        }
    }

    private void mbsync() throws Exception {
        Path log = dir.resolve("mbsync.log");
        Process process = new ProcessBuilder(MBSYNC.toString(), "--config", config.toString(), "--all")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("mbsync finished").isTrue();
        assertThat(process.exitValue()).as(Files.readString(log)).isZero();
    }

    /** Subject of each message in a Maildir folder, mapped to the Maildir flag letters of its file name. */
    private static Map<String, String> maildirFlagsBySubject(Path folder) throws IOException {
        Map<String, String> flags = new HashMap<>();
        for (Path file : files(folder)) {
            String name = file.getFileName().toString();
            int info = name.indexOf(":2,");
            flags.put(subject(file), info < 0 ? "" : name.substring(info + 3));
        }
        return flags;
    }

    private static Path fileWithSubject(Path folder, String subject) throws IOException {
        for (Path file : files(folder)) {
            if (subject(file).equals(subject)) {
                return file;
            }
        }
        throw new AssertionError("no file with subject " + subject + " in " + folder);
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> news = Files.list(folder.resolve("new")); Stream<Path> curs = Files.list(folder.resolve("cur"))) {
            return Stream.concat(news, curs).toList();
        }
    }

    private static String subject(Path file) throws IOException {
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            if (line.startsWith("Subject: ")) {
                return line.substring(9);
            }
        }
        return "";
    }
}
