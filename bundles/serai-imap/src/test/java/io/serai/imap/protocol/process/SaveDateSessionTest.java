package io.serai.imap.protocol.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.Flags;
import io.serai.store.api.Mailbox;
import io.serai.store.api.restore.RestoredMessage;
import io.serai.store.api.restore.StoreRestore;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SAVEDATE (RFC 8514): FETCH SAVEDATE and SEARCH SAVEDBEFORE/SAVEDON/SAVEDSINCE/SAVEDATESUPPORTED, on the wire. */
class SaveDateSessionTest {

    private static final Instant OLD = Instant.parse("2020-02-03T04:05:06Z");
    private static final DateTimeFormatter WIRE =
            DateTimeFormatter.ofPattern("ppd-MMM-yyyy HH:mm:ss Z", Locale.ENGLISH);
    private static final DateTimeFormatter SEARCH_DATE = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH);
    private static final Pattern SAVEDATE = Pattern.compile("SAVEDATE \"([^\"]+)\"");

    @TempDir
    Path dir;
    private SessionHarness h;
    private Mailbox inbox;

    @BeforeEach
    void mailbox() throws Exception {
        h = SessionHarness.loggedIn(dir);
        inbox = h.store.mailboxes(SessionHarness.USER).open("INBOX");
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    private long append(String subject) throws Exception {
        byte[] m = ("Subject: " + subject + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);
        return inbox.append(new AppendRequest(ContentSource.of(new ByteArrayInputStream(m)), OLD, Flags.NONE)).uid();
    }

    private static Instant savedDate(String fetch) {
        Matcher m = SAVEDATE.matcher(fetch);
        assertThat(m.find()).as(fetch).isTrue();
        return ZonedDateTime.parse(m.group(1), WIRE).toInstant();
    }

    @Test
    void theCapabilityIsAnnounced() {
        assertThat(h.send("c CAPABILITY")).contains(" SAVEDATE");
    }

    @Test
    void fetchSaveDateIsWhenTheMessageWasStoredNotItsInternalDate() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        append("one");
        h.send("s SELECT INBOX");
        String fetch = h.send("f FETCH 1 (INTERNALDATE SAVEDATE)");
        assertThat(fetch).contains("INTERNALDATE \" 3-Feb-2020 04:05:06 +0000\"").endsWith("f OK FETCH completed\r\n");
        assertThat(savedDate(fetch)).isAfterOrEqualTo(before).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void copyAndMoveGiveANewSaveDateAndKeepTheInternalDate() throws Exception {
        append("one");
        append("two");
        h.send("s SELECT INBOX");
        Instant original = savedDate(h.send("f FETCH 1 SAVEDATE"));
        h.send("c CREATE Archive");
        Instant beforeCopy = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        assertThat(h.send("c UID COPY 1 Archive")).contains("OK [COPYUID");
        assertThat(h.send("m UID MOVE 2 Archive")).contains("OK");
        h.send("s SELECT Archive");
        String fetch = h.send("f FETCH 1:2 (INTERNALDATE SAVEDATE)");
        assertThat(fetch.split("\r\n")).filteredOn(l -> l.startsWith("* ")).hasSize(2)
                .allSatisfy(l -> {
                    assertThat(l).contains("INTERNALDATE \" 3-Feb-2020 04:05:06 +0000\"");
                    assertThat(savedDate(l)).isAfterOrEqualTo(beforeCopy).isAfterOrEqualTo(original);
                });
    }

    @Test
    void searchBySaveDateUsesTheDayItWasStored() throws Exception {
        append("one");
        append("two");
        h.send("s SELECT INBOX");
        LocalDate saved = LocalDate.ofInstant(savedDate(h.send("f FETCH 1 SAVEDATE")), ZoneOffset.UTC);
        String day = SEARCH_DATE.format(saved);
        assertThat(h.send("a SEARCH SAVEDON " + day)).startsWith("* SEARCH 1 2\r\n");
        assertThat(h.send("b SEARCH SAVEDSINCE \"" + day + "\"")).startsWith("* SEARCH 1 2\r\n");
        assertThat(h.send("c SEARCH SAVEDBEFORE " + day)).startsWith("* SEARCH\r\n");
        assertThat(h.send("d SEARCH SAVEDSINCE " + SEARCH_DATE.format(saved.plusDays(1)))).startsWith("* SEARCH\r\n");
        // the internal date is years older: BEFORE finds both, SAVEDBEFORE that day none
        assertThat(h.send("e SEARCH BEFORE " + day)).startsWith("* SEARCH 1 2\r\n");
        assertThat(h.send("g SEARCH SAVEDATESUPPORTED")).startsWith("* SEARCH 1 2\r\n");
        assertThat(h.send("h SEARCH SAVEDON 31-Feb-2026")).startsWith("h BAD");
    }

    /** RFC 8514 §4.2: NIL where the save date is not known; searches then use the internal date (§4.3). */
    @Test
    void aMessageWithoutASaveDateFetchesNilAndSearchesByItsInternalDate() throws Exception {
        StoreRestore restore = h.store.restore().orElseThrow();
        Mailbox old = restore.restoreMailbox(SessionHarness.USER, "Old", 7, Optional.empty());
        byte[] m = "Subject: old\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
        restore.restoreMessages(old, List.of(new RestoredMessage(1, 1, OLD, Flags.NONE,
                ContentSource.of(new ByteArrayInputStream(m)))));
        h.send("s SELECT Old");
        assertThat(h.send("f FETCH 1 SAVEDATE")).startsWith("* 1 FETCH (SAVEDATE NIL)\r\n");
        assertThat(h.send("a SEARCH SAVEDON 3-Feb-2020")).startsWith("* SEARCH 1\r\n");
    }
}
