package io.serai.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.serai.store.api.FlagUpdate;
import io.serai.store.api.Flags;
import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.api.SystemFlag;
import io.serai.store.api.search.DateKey;
import io.serai.store.api.search.FlagKey;
import io.serai.store.api.search.HeaderKey;
import io.serai.store.api.search.KeywordKey;
import io.serai.store.api.search.ModSeqKey;
import io.serai.store.api.search.SearchKey;
import io.serai.store.api.search.SizeKey;
import io.serai.store.api.search.TextKey;
import io.serai.store.api.search.UidRangeKey;

/** Behaviour every MailStore has; a store's test extends this with its {@link StoreFixture}. */
public abstract class SearchContract {

    /** Where this test's store lives: a fresh location per test method, the same one on every call. */
    protected abstract StoreFixture fixture();

    MailStore store;
    Mailbox inbox;

    @BeforeEach
    void fill() throws Exception {
        store = TestStores.openWithUser(fixture());
        inbox = store.mailboxes(TestStores.USER).open("INBOX");
        inbox.appendAll(List.of(
                TestStores.request(TestStores.message("Quarterly numbers", "Revenue is up."),
                        Flags.of(Set.of(SystemFlag.SEEN), Set.of("work"))),
                TestStores.request(StructureContract.MULTIPART.getBytes(StandardCharsets.US_ASCII)),
                TestStores.request(TestStores.message("Lunch?", "x".repeat(20_000) + " pizza"))));
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    @Test
    void flagsKeywordsSizesAndUidsAreAnsweredFromMemory() throws Exception {
        assertThat(inbox.search(new FlagKey(SystemFlag.SEEN, true))).containsExactly(1);
        assertThat(inbox.search(new FlagKey(SystemFlag.SEEN, false))).containsExactly(2, 3);
        assertThat(inbox.search(new KeywordKey("WORK", true))).containsExactly(1);
        assertThat(inbox.search(new SizeKey(true, 10_000))).containsExactly(3);
        assertThat(inbox.search(new UidRangeKey(2, 10))).containsExactly(2, 3);
        assertThat(inbox.search(SearchKey.all())).containsExactly(1, 2, 3);
    }

    @Test
    void headersAreDecodedBeforeMatching() throws Exception {
        assertThat(inbox.search(HeaderKey.subject("quarterly"))).containsExactly(1);
        assertThat(inbox.search(HeaderKey.from("JÜRGEN"))).containsExactly(2);
        assertThat(inbox.search(HeaderKey.to("bob@example.org"))).containsExactly(2);
        assertThat(inbox.search(new HeaderKey("Message-ID", ""))).containsExactly(1, 2, 3);
        assertThat(inbox.search(new HeaderKey("X-Missing", ""))).isEmpty();
    }

    @Test
    void addressesMatchWithoutCommentsAndByDisplayNameLocalPartOrDomain() throws Exception {
        // RFC 5322 §3.2.2: comments and folding white space may sit inside an address; Dovecot finds it anyway
        inbox.append(TestStores.request(("From: <user-from (comment)@ (comment) domain.org>\r\n"
                + "Cc: Real Name <cc-user@cc.example> (work), other@x.example\r\nSubject: s\r\n\r\nx\r\n")
                .getBytes(StandardCharsets.US_ASCII)));
        assertThat(inbox.search(HeaderKey.from("user-from@domain.org"))).containsExactly(4);
        assertThat(inbox.search(HeaderKey.from("USER-FROM"))).containsExactly(4);
        assertThat(inbox.search(new HeaderKey("Cc", "real name"))).containsExactly(4);
        assertThat(inbox.search(new HeaderKey("Cc", "cc-user@cc.example"))).containsExactly(4);
        assertThat(inbox.search(new HeaderKey("Cc", "@x.example"))).containsExactly(4);
        assertThat(inbox.search(new HeaderKey("Cc", "work"))).containsExactly(4); // the comment as written
        assertThat(inbox.search(HeaderKey.subject("comment"))).isEmpty(); // only address fields lose comments
    }

    @Test
    void bodyTextIsDecodedByTransferEncodingAndCharset() throws Exception {
        assertThat(inbox.search(new TextKey(TextKey.Scope.BODY, "grüße aus münchen"))).containsExactly(2);
        assertThat(inbox.search(new TextKey(TextKey.Scope.BODY, "PIZZA"))).containsExactly(3);
        assertThat(inbox.search(new TextKey(TextKey.Scope.BODY, "quarterly"))).isEmpty();
        assertThat(inbox.search(new TextKey(TextKey.Scope.TEXT, "quarterly"))).containsExactly(1);
    }

    @Test
    void sentDatesUseTheDayAsWrittenInTheHeader() throws Exception {
        // 23:30 at -0800 is 07:30 UTC the next day; RFC 3501 compares the sent date disregarding the timezone
        inbox.append(TestStores.request(("Date: Mon, 2 Nov 2026 23:30:00 -0800 (PST)\r\nSubject: late\r\n\r\nx\r\n")
                .getBytes(StandardCharsets.US_ASCII)));
        LocalDate second = LocalDate.of(2026, 11, 2);
        assertThat(inbox.search(new DateKey(DateKey.Field.SENT, DateKey.Comparison.ON, second))).containsExactly(4);
        assertThat(inbox.search(new DateKey(DateKey.Field.SENT, DateKey.Comparison.BEFORE, second.plusDays(1))))
                .containsExactly(4);
        assertThat(inbox.search(new DateKey(DateKey.Field.SENT, DateKey.Comparison.ON, second.plusDays(1))))
                .doesNotContain(4L);
    }

    /** RFC 8514 section 4.3: SAVEDBEFORE/SAVEDON/SAVEDSINCE compare the save date's day, not the internal date. */
    @Test
    void savedDatesAreTheDayTheMessageWasStoredNotItsInternalDate() throws Exception {
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        LocalDate internalDay = LocalDate.of(2026, 11, 3);
        // the messages were appended a moment ago with an internal date of 2026-11-03; near midnight UTC the
        // append may fall on the day before the check, so the day is taken from what the store recorded
        LocalDate savedDay = LocalDate.ofInstant(inbox.messages().get(0).savedDate(), java.time.ZoneOffset.UTC);
        assertThat(savedDay).isIn(today, today.minusDays(1));
        assertThat(inbox.search(new DateKey(DateKey.Field.SAVED, DateKey.Comparison.ON, savedDay)))
                .containsExactly(1, 2, 3);
        assertThat(inbox.search(new DateKey(DateKey.Field.SAVED, DateKey.Comparison.SINCE, savedDay.plusDays(1))))
                .isEmpty();
        assertThat(inbox.search(new DateKey(DateKey.Field.SAVED, DateKey.Comparison.BEFORE, savedDay))).isEmpty();
        if (!savedDay.equals(internalDay)) {
            assertThat(inbox.search(new DateKey(DateKey.Field.SAVED, DateKey.Comparison.ON, internalDay))).isEmpty();
        }
    }

    @Test
    void datesAndModSeqsAndCombinators() throws Exception {
        LocalDate day = LocalDate.of(2026, 11, 3);
        assertThat(inbox.search(new DateKey(DateKey.Field.INTERNAL, DateKey.Comparison.ON, day))).hasSize(3);
        assertThat(inbox.search(new DateKey(DateKey.Field.SENT, DateKey.Comparison.BEFORE, day))).isEmpty();
        assertThat(inbox.search(new DateKey(DateKey.Field.SENT, DateKey.Comparison.SINCE, day))).hasSize(3);
        long mod = inbox.updateFlags(new long[] {3}, FlagUpdate.add(Flags.of(SystemFlag.FLAGGED)))
                .updated().get(0).modSeq();
        assertThat(inbox.search(new ModSeqKey(mod))).containsExactly(3);
        SearchKey key = new FlagKey(SystemFlag.SEEN, true).or(new FlagKey(SystemFlag.FLAGGED, true))
                .and(HeaderKey.subject("lunch").not());
        assertThat(inbox.search(key)).containsExactly(1);
    }
}
