package io.serai.imap.protocol.decode;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.fuzz.FuzzInputs;
import io.serai.imap.protocol.request.ImapRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Whole commands, as {@link CommandFramer} hands them over (literals inline), through {@link RequestDecoder}:
 * a request or a {@link DecodeException}, never another exception, a stack overflow or a hang.
 */
class RequestDecoderFuzzTest {

    static final List<String> COMMANDS = List.of(
            "a1 CAPABILITY", "a2 NOOP", "a3 LOGOUT", "a4 STARTTLS", "a5 IDLE", "a6 NAMESPACE",
            "a7 LOGIN fred \"foo bar\"", "A001 LOGIN {11}\r\nFRED FOOBAR {7}\r\nfat man",
            "a8 AUTHENTICATE PLAIN =", "a9 AUTHENTICATE PLAIN AGZyZWQAc2VjcmV0", "a10 COMPRESS DEFLATE",
            "a11 SELECT INBOX", "a12 SELECT \"&AOk-t&AOk-\" (CONDSTORE)", "a13 EXAMINE inbox/sub",
            "a14 SELECT INBOX (QRESYNC (67890007 20050715194045000 41,43:211,214:541))",
            "a15 SELECT INBOX (QRESYNC (67890007 90060115194045000 1:29997 (5000,7500,9000,9990:9999 "
                    + "15000,22500,27000,29970,29973,29976,29979,29982,29985,29988,29991,29994,29997)))",
            "a16 FETCH 1:* (FLAGS UID RFC822.SIZE INTERNALDATE ENVELOPE BODYSTRUCTURE)",
            "a17 FETCH 2,4:7 BODY.PEEK[1.2.HEADER.FIELDS (A B)]<0.10>",
            "a18 UID FETCH 1:* (BODY[HEADER.FIELDS.NOT (Subject From)] BODY[2.MIME] BODY[TEXT]<5.100>)",
            "a19 FETCH 1 (BINARY[1.2] BINARY.PEEK[3]<0.1024> BINARY.SIZE[1])",
            "a20 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 12345 VANISHED)", "a21 UID FETCH 1:* MODSEQ (CHANGEDSINCE 1)",
            "a22 FETCH $ FAST", "a23 FETCH 1 ALL", "a24 FETCH * FULL",
            "a25 UID SEARCH OR (FROM alice NOT SEEN) (SINCE 1-Feb-1994 BEFORE 31-Dec-2026) LARGER 100",
            "a26 SEARCH NOT NOT OR OR DELETED ANSWERED KEYWORD $Forwarded UNKEYWORD x",
            "a27 SEARCH CHARSET UTF-8 SUBJECT {3}\r\nabc BODY \"caf\u00e9\"",
            "a28 SEARCH RETURN (MIN MAX COUNT ALL) UID 1:100,200:* HEADER X-Spam \"yes\"",
            "s1 UID SORT (REVERSE ARRIVAL SUBJECT DISPLAYFROM) UTF-8 OR FROM a (TO b) SINCE 1-Feb-2026",
            "s2 SORT RETURN (MIN MAX COUNT ALL SAVE) (SIZE CC REVERSE TO DATE DISPLAYTO) US-ASCII 1:*",
            "s3 THREAD REFERENCES UTF-8 NOT DELETED",
            "s4 UID THREAD ORDEREDSUBJECT \"UTF-8\" SUBJECT {3}\r\nabc",
            "a29 UID SEARCH RETURN (SAVE) MODSEQ \"/flags/\\\\draft\" all 620162338",
            "a30 SEARCH SENTON 5-Jul-2020 ON 07-Jul-2020 SMALLER 10000 TEXT hello CC bob BCC eve TO x",
            "a31 SEARCH (((SEEN))) 1:5 $ NEW OLD RECENT UNDRAFT FLAGGED MODSEQ 5",
            "a32 STORE 1:3 +FLAGS.SILENT (\\Deleted \\Seen $Junk)",
            "a33 UID STORE 5 -FLAGS (\\Flagged)", "a34 STORE 2 (UNCHANGEDSINCE 320162338) +FLAGS.SILENT (\\Deleted)",
            "a35 STORE 1 FLAGS ()",
            "a36 APPEND saved-messages (\\Seen) \" 7-Feb-1994 21:52:25 -0800\" {21}\r\nSubject: hi\r\n\r\nbody\r\n",
            "a37 APPEND INBOX {5+}\r\nhello", "a38 APPEND INBOX ~{4}\r\nab\0c",
            "a39 APPEND INBOX (\\Draft) CATENATE (URL \"/INBOX;UIDVALIDITY=385759045/;UID=20/;SECTION=1.MIME\" "
                    + "TEXT {4}\r\n\r\nxy URL /Drafts/;UID=3/;PARTIAL=0.1024)",
            "a40 APPEND INBOX {3}\r\nabc {3}\r\ndef",
            "a41 APPEND INBOX CATENATE (URL \"imap://fred;AUTH=*@example.com/INBOX/;UID=20\" TEXT ~{2}\r\nhi)",
            "a42 LIST \"\" *", "a43 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" (INBOX* \"&AOk-t&AOk-\") RETURN (CHILDREN)",
            "a44 LIST \"\" % RETURN (STATUS (MESSAGES UNSEEN UIDNEXT SIZE HIGHESTMODSEQ))",
            "a45 LIST (SPECIAL-USE) \"\" * RETURN (SPECIAL-USE SUBSCRIBED)", "a46 LSUB \"\" \"#news.*\"",
            "a47 STATUS blurdybloop (UIDNEXT MESSAGES UIDVALIDITY RECENT DELETED)",
            "a48 ID (\"name\" \"sodr\" \"version\" \"19.34\" \"os\" NIL)", "a49 ID NIL",
            "a50 ENABLE CONDSTORE QRESYNC UTF8=ACCEPT IMAP4rev2", "a51 COPY 2:4 MEETING", "a52 UID MOVE 42:69 foo",
            "a53 MOVE 1,3 \"&AOk-t&AOk-/x\"", "a54 UID EXPUNGE 3000:3002", "a55 UID COPY $ Trash",
            "a56 RENAME blurdybloop sarasoop", "a57 RENAME INBOX \"old-mail\"", "a58 CREATE owatagusiam/",
            "a59 DELETE {5}\r\nfoo&-", "a60 SUBSCRIBE #news.comp.mail.mime", "a61 UNSUBSCRIBE \"a b\"",
            "a62 GETQUOTAROOT INBOX", "a63 GETQUOTA \"\"", "a64 SETQUOTA \"\" (STORAGE 512)",
            "a65 SETQUOTA \"\" (STORAGE 512 MESSAGE 100)", "a66 CLOSE", "a67 UNSELECT", "a68 EXPUNGE",
            "a69 CHECK", "a70 CREATE \"caf\u00c3\u00a9\"");

    private final RequestDecoder decoder = new RequestDecoder();

    @Test
    void seedsAreValidCommands() throws Exception {
        List<String> refused = new java.util.ArrayList<>();
        for (String seed : COMMANDS) {
            try {
                decoder.decode(FuzzInputs.bytes(seed), seed.contains("\u00c3"));
            } catch (DecodeException e) {
                refused.add(seed + " -> " + e.getMessage());
            }
        }
        assertThat(refused).isEmpty();
    }

    @Test
    void mutatedCommandsDecodeOrAreRefused() {
        AtomicLong decoded = new AtomicLong();
        long executions = FuzzInputs.run("imap-request", COMMANDS, 15_000, (input, random) -> {
            for (boolean utf8 : new boolean[] {false, true}) {
                try {
                    ImapRequest request = decoder.decode(input, utf8);
                    assertThat(request).isNotNull();
                    assertThat(request.tag()).isNotNull();
                    decoded.incrementAndGet();
                } catch (DecodeException e) {
                    assertThat(e.getMessage()).isNotNull();
                }
            }
        });
        if (executions >= 1000) {
            // the mutations must not only produce garbage: enough inputs get past the tag and the command name
            assertThat(decoded.get()).isGreaterThan(executions / 50);
        }
    }

    /** Nesting deeper than any real client: refused, not a StackOverflowError (SearchKeyParser.MAX_DEPTH). */
    @Test
    void deepNestingIsRefusedNotOverflowed() {
        List<String> prefixes = List.of("a SEARCH ", "a UID SEARCH ", "a SEARCH RETURN (MIN) ", "a SORT (SIZE) UTF-8 ",
                "a THREAD REFERENCES UTF-8 ", "a FETCH 1 ",
                "a STORE 1 FLAGS ", "a APPEND INBOX ", "a LIST ", "a LIST \"\" ", "a ID ", "a STATUS x ",
                "a SELECT x ", "a SETQUOTA \"\" ", "a APPEND INBOX CATENATE ");
        List<String> units = List.of("(", "NOT ", "OR ", "OR ALL ", "((", "(NOT ", "OR (");
        for (String prefix : prefixes) {
            for (String unit : units) {
                byte[] input = FuzzInputs.bytes(prefix + unit.repeat(100_000) + "ALL" + ")".repeat(100_000));
                try {
                    assertThat(decoder.decode(input, false)).isNotNull();
                } catch (DecodeException expected) {
                    // refused: fine
                }
            }
        }
    }
}
