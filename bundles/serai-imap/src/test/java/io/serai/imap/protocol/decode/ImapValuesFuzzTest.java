package io.serai.imap.protocol.decode;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.fuzz.FuzzInputs;
import io.serai.imap.protocol.request.ImapUrl;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The argument parsers that have their own entry points: {@link SearchKeyParser} on bare key lists,
 * {@link ImapUrls} (CATENATE URLs), {@link MailboxNames} (modified UTF-7) and {@link DateTimes}. Each returns a
 * value or throws {@link DecodeException}; a decoded mailbox name survives encode then decode.
 */
class ImapValuesFuzzTest {

    private static final List<String> SEARCH_KEYS = List.of(
            "ALL", "OR (FROM alice NOT SEEN) (SINCE 1-Feb-1994 BEFORE 31-Dec-2026) LARGER 100",
            "NOT NOT OR OR DELETED ANSWERED KEYWORD $Forwarded UNKEYWORD x", "SUBJECT {3}\r\nabc BODY \"caf\u00e9\"",
            "UID 1:100,200:* HEADER X-Spam \"yes\"", "MODSEQ \"/flags/\\\\draft\" all 620162338",
            "SENTON 5-Jul-2020 ON 07-Jul-2020 SMALLER 10000 TEXT hello CC bob BCC eve TO x",
            "(((SEEN))) 1:5 $ NEW OLD RECENT UNDRAFT FLAGGED MODSEQ 5", "SENTSINCE 1-Jan-2000 SENTBEFORE 1-Jan-2030",
            "NOT (OR (OR A B) C)", "OR NOT 1 NOT 2 NOT (3:4)");

    private static final List<String> URLS = List.of(
            "/INBOX;UIDVALIDITY=385759045/;UID=20/;SECTION=1.MIME", "/Drafts/;UID=3/;PARTIAL=0.1024",
            "imap://fred;AUTH=*@example.com/INBOX/;UID=20", "imap://example.com:143/a%20b/;UID=1/;SECTION=HEADER",
            "/%26AOk-t/;UID=4294967295/;SECTION=2.HEADER.FIELDS%20(A%20B)/;PARTIAL=5", "/inbox/sub/;UID=1");

    private static final List<String> MAILBOXES = List.of(
            "INBOX", "inbox/sub", "&AOk-t&AOk-", "~peter/mail/&U,BTFw-/&ZeVnLIqe-", "&-", "a&-b", "Entw&APw-rfe",
            "caf\u00c3\u00a9", "Sent Items", "#news.comp");

    private static final List<String> DATES = List.of(
            " 7-Feb-1994 21:52:25 -0800", "17-Jul-1996 02:44:25 +0000", "01-Jan-2000 00:00:00 +1400",
            "1-Feb-1994", "31-Dec-2026", "29-Feb-2024");

    private final SearchKeyParser keys = new SearchKeyParser();

    @Test
    void searchKeysParseOrAreRefused() {
        FuzzInputs.run("imap-search-keys", SEARCH_KEYS, 10_000, (input, random) -> {
            try {
                assertThat(keys.keyList(new ArgumentReader(input))).isNotNull();
            } catch (DecodeException refused) {
                // fine
            }
        });
    }

    @Test
    void deeplyNestedSearchKeysAreRefused() {
        for (String unit : List.of("(", "NOT ", "OR ALL ", "OR (", "(NOT ")) {
            byte[] input = FuzzInputs.bytes(unit.repeat(SearchKeyParser.MAX_DEPTH * 1000) + "ALL");
            try {
                keys.keyList(new ArgumentReader(input));
                throw new AssertionError("accepted " + unit);
            } catch (DecodeException expected) {
                assertThat(expected.getMessage()).isNotNull();
            }
        }
    }

    @Test
    void imapUrlsParseOrAreRefused() {
        FuzzInputs.run("imap-url", URLS, 10_000, (input, random) -> {
            String url = new String(input, random.nextBoolean() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            try {
                ImapUrl parsed = ImapUrls.parse(url);
                assertThat(parsed.uid()).isBetween(1L, 0xFFFF_FFFFL);
                assertThat(parsed.mailbox()).isNotEmpty();
            } catch (DecodeException refused) {
                assertThat(refused.refused()).isTrue();
            }
        });
    }

    @Test
    void mailboxNamesDecodeAndSurviveARoundTrip() {
        FuzzInputs.run("imap-mailbox-name", MAILBOXES, 10_000, (input, random) -> {
            String wire = new String(input, random.nextBoolean() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            for (boolean utf8 : new boolean[] {false, true}) {
                String name;
                try {
                    name = MailboxNames.decode(wire, utf8);
                } catch (DecodeException refused) {
                    continue;
                }
                assertThat(MailboxNames.decode(MailboxNames.encode(name, utf8), utf8)).isEqualTo(name);
            }
        });
    }

    @Test
    void datesParseOrAreRefused() {
        FuzzInputs.run("imap-date", DATES, 5_000, (input, random) -> {
            String s = new String(input, StandardCharsets.ISO_8859_1);
            try {
                assertThat(DateTimes.dateTime(s)).isNotNull();
            } catch (DecodeException refused) {
                // fine
            }
            try {
                assertThat(DateTimes.date(s)).isNotNull();
            } catch (DecodeException refused) {
                // fine
            }
        });
    }
}
