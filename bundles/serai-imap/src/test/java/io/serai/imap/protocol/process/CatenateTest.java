package io.serai.imap.protocol.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.store.api.Flags;
import io.serai.store.api.Mailbox;
import io.serai.store.api.SystemFlag;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** APPEND CATENATE (RFC 4469), after Dovecot imaptest's catenate and catenate-multiappend groups. */
class CatenateTest {

    private static final String FIRST = "From: foo@example.com\r\n\r\nHello world body\r\n";
    private static final String SECOND = "From: foo2@example.com\r\n\r\nLookslike: header\r\n\r\nAnother body\r\n";

    @TempDir
    Path dir;
    private SessionHarness h;
    private long uidValidity;

    @BeforeEach
    void setUp() throws Exception {
        h = SessionHarness.loggedIn(dir);
        assertThat(h.send("a APPEND INBOX {" + FIRST.length() + "}\r\n" + FIRST)).startsWith("a OK");
        assertThat(h.send("a APPEND INBOX {" + SECOND.length() + "}\r\n" + SECOND)).startsWith("a OK");
        uidValidity = inbox().info().uidValidity();
        h.send("c CREATE Target");
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    private Mailbox inbox() throws Exception {
        return h.store.mailboxes(SessionHarness.USER).open("INBOX");
    }

    private String stored(String mailbox, long uid) throws Exception {
        try (InputStream in = h.store.mailboxes(SessionHarness.USER).open(mailbox).content(uid).openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String text(String s) {
        return "TEXT {" + s.length() + "}\r\n" + s;
    }

    @Test
    void textLiteralsAndUrlSectionsAreJoinedInOrder() throws Exception {
        assertThat(h.send("a APPEND Target (\\Seen) CATENATE (URL \"/INBOX/;uid=1/;section=header\" "
                + text("body1\r\n") + ")")).startsWith("a OK [APPENDUID ");
        assertThat(h.send("a APPEND Target CATENATE (URL \"/INBOX;UIDVALIDITY=" + uidValidity
                + "/;UID=2/;SECTION=TEXT\" " + text("body3\r\n") + ")")).startsWith("a OK [APPENDUID ");
        assertThat(h.send("a APPEND Target CATENATE (" + text("From: new@example.com\r\nSubject: t\r\n\r\n")
                + " URL \"/INBOX/;uid=1/;section=1\" " + text("\r\nsuffix\r\n") + ")")).startsWith("a OK");
        assertThat(h.send("a APPEND Target CATENATE (URL \"/INBOX/;uid=2/;partial=100000.1\" "
                + text("Hdr: foo\r\n\r\nbody7\r\n") + ")")).startsWith("a OK");
        assertThat(h.send("a APPEND Target CATENATE (URL \"/INBOX/;uid=2/;partial=6.4\" "
                + text("\r\n\r\nx\r\n") + ")")).startsWith("a OK");

        assertThat(stored("Target", 1)).isEqualTo("From: foo@example.com\r\n\r\nbody1\r\n");
        assertThat(stored("Target", 2)).isEqualTo("Lookslike: header\r\n\r\nAnother body\r\nbody3\r\n");
        assertThat(stored("Target", 3)).isEqualTo(
                "From: new@example.com\r\nSubject: t\r\n\r\nHello world body\r\n\r\nsuffix\r\n");
        assertThat(stored("Target", 4)).isEqualTo("Hdr: foo\r\n\r\nbody7\r\n");
        assertThat(stored("Target", 5)).isEqualTo("foo2\r\n\r\nx\r\n");
        Mailbox target = h.store.mailboxes(SessionHarness.USER).open("Target");
        assertThat(target.messages().get(0).flags().has(SystemFlag.SEEN)).isTrue();
        // the URL is read like BODY.PEEK: the source keeps its flags (RFC 4469 §5)
        assertThat(inbox().messages()).allSatisfy(m -> assertThat(m.flags()).isEqualTo(Flags.of()));
    }

    @Test
    void aUrlThatNamesNothingFailsTheWholeAppend() throws Exception {
        String stale = "/INBOX;UIDVALIDITY=12345/;UID=1/;SECTION=HEADER";
        assertThat(h.send("a APPEND Target CATENATE (" + text("hdr: 1\r\n\r\n") + " URL \"" + stale + "\" "
                + text("hdr: 2\r\n") + ")")).isEqualTo("a NO [BADURL " + stale + "] CATENATE URL names no message part\r\n");
        for (String url : new String[] {"/INBOX/;UID=9", "/Nope/;UID=1", "/INBOX/;UID=1/;SECTION=7",
                "/INBOX/;UID=1/;URLAUTH=anonymous", "imap://bob@example.org/INBOX/;UID=1", "INBOX/;UID=1",
                "/INBOX/;UID=0", "/INBOX/;UID=1/;SECTION=BOGUS"}) {
            assertThat(h.send("b APPEND Target CATENATE (URL \"" + url + "\")"))
                    .isEqualTo("b NO [BADURL " + url + "] CATENATE URL names no message part\r\n");
        }
        // MULTIAPPEND is all or nothing (RFC 3502): a bad URL in the second message stores neither
        assertThat(h.send("m APPEND Target CATENATE (URL \"/INBOX/;UID=1\") CATENATE (URL \"" + stale + "\")"))
                .startsWith("m NO [BADURL ");
        assertThat(h.store.mailboxes(SessionHarness.USER).open("Target").uids()).isEmpty();
    }

    @Test
    void aMissingTargetIsTryCreateEvenWithABadUrl() {
        assertThat(h.send("a APPEND Nope CATENATE (URL \"/INBOX;UIDVALIDITY=12345/;UID=1\" " + text("x\r\n") + ")"))
                .isEqualTo("a NO [TRYCREATE] No such mailbox\r\n");
    }

    @Test
    void catenateMixesWithPlainLiteralsInAMultiappend() throws Exception {
        String plain = "New: Message\r\n\r\nbody4\r\n";
        assertThat(h.send("m APPEND Target CATENATE (URL \"/INBOX/;uid=1\") (\\Answered) {" + plain.length()
                + "}\r\n" + plain)).startsWith("m OK [APPENDUID ");
        assertThat(stored("Target", 1)).isEqualTo(FIRST);
        assertThat(stored("Target", 2)).isEqualTo(plain);
    }

    @Test
    void anAbsoluteUrlOfThisUserAndPercentEncodedNamesResolve() throws Exception {
        h.send("c CREATE \"Caf&AOk-\"");
        Mailbox cafe = h.store.mailboxes(SessionHarness.USER).open("Caf\u00e9");
        cafe.append(new io.serai.store.api.AppendRequest(() -> new java.io.ByteArrayInputStream(
                FIRST.getBytes(StandardCharsets.US_ASCII)), java.time.Instant.now(), Flags.of()));
        String user = SessionHarness.USER.replace("@", "%40");
        assertThat(h.send("a APPEND Target CATENATE (URL \"imap://" + user + ";AUTH=*@localhost/Caf%C3%A9/;UID=1"
                + "/;SECTION=HEADER.FIELDS%20(FROM)\" " + text("\r\nb\r\n") + ")")).startsWith("a OK");
        assertThat(stored("Target", 1)).isEqualTo("From: foo@example.com\r\n\r\n\r\nb\r\n");
    }

    @Test
    void aCatenationAboveTheAppendLimitIsTooBig() {
        String big = "x".repeat(600_000);
        assertThat(h.send("a APPEND Target CATENATE (" + text(big) + " " + text(big) + ")"))
                .isEqualTo("a NO [TOOBIG] Message exceeds APPENDLIMIT\r\n");
    }

    @Test
    void catenateIsAdvertisedAndBadSyntaxIsBad() {
        assertThat(h.send("c CAPABILITY")).contains(" CATENATE");
        assertThat(h.send("a APPEND Target CATENATE (URL)")).startsWith("a BAD ");
        assertThat(h.send("a APPEND Target CATENATE (FILE \"x\")")).startsWith("a BAD ");
        assertThat(h.send("a APPEND Target CATENATE ()")).startsWith("a BAD ");
    }
}
