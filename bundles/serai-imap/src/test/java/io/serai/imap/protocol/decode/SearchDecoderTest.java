package io.serai.imap.protocol.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serai.imap.protocol.request.SearchCriterion;
import io.serai.imap.protocol.request.SearchCriterion.And;
import io.serai.imap.protocol.request.SearchCriterion.Messages;
import io.serai.imap.protocol.request.SearchCriterion.Not;
import io.serai.imap.protocol.request.SearchCriterion.Or;
import io.serai.imap.protocol.request.SearchCriterion.Store;
import io.serai.imap.protocol.request.ResultRange;
import io.serai.imap.protocol.request.SearchRequest;
import io.serai.imap.protocol.request.SearchReturn;
import io.serai.imap.protocol.request.SequenceSet;
import io.serai.store.api.SystemFlag;
import io.serai.store.api.search.DateKey;
import io.serai.store.api.search.FlagKey;
import io.serai.store.api.search.HeaderKey;
import io.serai.store.api.search.KeywordKey;
import io.serai.store.api.search.SearchKey;
import io.serai.store.api.search.SizeKey;
import io.serai.store.api.search.TextKey;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SEARCH decoding, one test per key family, plus RETURN, CHARSET, literals and the error paths. */
class SearchDecoderTest {

    private final RequestDecoder decoder = new RequestDecoder();

    private SearchRequest decode(String command) throws DecodeException {
        return (SearchRequest) decoder.decode(command.getBytes(StandardCharsets.UTF_8), false);
    }

    private SearchCriterion key(String keys) throws DecodeException {
        return decode("a SEARCH " + keys).criteria();
    }

    private static Store store(SearchKey key) {
        return new Store(key);
    }

    private void assertBad(String command, String message) {
        assertThatThrownBy(() -> decode(command)).isInstanceOfSatisfying(DecodeException.class, e -> {
            assertThat(e.tag()).isEqualTo("a");
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void paddedParenthesesAndRunsOfSpacesReadAsDovecotReadsThem() throws Exception {
        // James' MPT SearchCombinations: "OR ( FROM o TO o ) ( HEADER Delivered-To \"\" DRAFT )"
        assertThat(key("OR ( FLAGGED  DRAFT ) ( DELETED )")).isEqualTo(key("OR (FLAGGED DRAFT) DELETED"));
        assertThat(key("FLAGGED  DRAFT")).isEqualTo(key("FLAGGED DRAFT"));
        assertBad("a SEARCH ( )", "Expected search key");
        assertBad("a SEARCH (FLAGGED", "Expected ')'");
    }

    @Test
    void rfc9051ExampleIsAnAndOfThreeKeys() throws Exception {
        SearchRequest r = decode("A282 SEARCH FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"");
        assertThat(r.byUid()).isFalse();
        assertThat(r.extended()).isFalse();
        assertThat(r.charset()).isNull();
        assertThat(r.criteria()).isEqualTo(new And(List.of(
                store(new FlagKey(SystemFlag.FLAGGED, true)),
                store(new DateKey(DateKey.Field.INTERNAL, DateKey.Comparison.SINCE, LocalDate.of(1994, 2, 1))),
                new Not(store(HeaderKey.from("Smith"))))));
    }

    @Test
    void flagKeys() throws Exception {
        for (SystemFlag f : SystemFlag.values()) {
            String name = f.imapName().substring(1);
            assertThat(key(name)).isEqualTo(store(new FlagKey(f, true)));
            assertThat(key("un" + name.toLowerCase())).isEqualTo(store(new FlagKey(f, false)));
        }
        assertThat(key("KEYWORD $Junk")).isEqualTo(store(new KeywordKey("$Junk", true)));
        assertThat(key("UNKEYWORD work")).isEqualTo(store(new KeywordKey("work", false)));
        // \Recent belongs to the session: RECENT stays symbolic, NEW is RECENT UNSEEN, OLD is NOT RECENT
        assertThat(key("RECENT")).isEqualTo(new SearchCriterion.Recent());
        assertThat(key("NEW")).isEqualTo(new SearchCriterion.And(List.of(new SearchCriterion.Recent(),
                store(new FlagKey(SystemFlag.SEEN, false)))));
        assertThat(key("OLD")).isEqualTo(new SearchCriterion.Not(new SearchCriterion.Recent()));
    }

    @Test
    void headerKeysWithQuotedAtomAndLiteralStrings() throws Exception {
        assertThat(key("BCC a")).isEqualTo(store(new HeaderKey("Bcc", "a")));
        assertThat(key("CC \"b c\"")).isEqualTo(store(new HeaderKey("Cc", "b c")));
        assertThat(key("TO {3}\r\nx y")).isEqualTo(store(HeaderKey.to("x y")));
        assertThat(key("SUBJECT {6+}\r\nGrüße".replace("{6+}", "{" + "Grüße".getBytes(StandardCharsets.UTF_8).length
                + "+}"))).isEqualTo(store(HeaderKey.subject("Grüße")));
        assertThat(key("HEADER Message-ID \"\"")).isEqualTo(store(new HeaderKey("Message-ID", "")));
        assertThat(key("header X-Spam-Flag YES")).isEqualTo(store(new HeaderKey("X-Spam-Flag", "YES")));
    }

    @Test
    void textKeys() throws Exception {
        assertThat(key("BODY pizza")).isEqualTo(store(new TextKey(TextKey.Scope.BODY, "pizza")));
        assertThat(key("TEXT \"string not in mailbox\"")).isEqualTo(
                store(new TextKey(TextKey.Scope.TEXT, "string not in mailbox")));
    }

    @Test
    void dateKeysAcceptBareAndQuotedDates() throws Exception {
        LocalDate day = LocalDate.of(2026, 11, 3);
        assertThat(key("BEFORE 3-Nov-2026")).isEqualTo(
                store(new DateKey(DateKey.Field.INTERNAL, DateKey.Comparison.BEFORE, day)));
        assertThat(key("ON \"03-nov-2026\"")).isEqualTo(
                store(new DateKey(DateKey.Field.INTERNAL, DateKey.Comparison.ON, day)));
        assertThat(key("SENTBEFORE 3-Nov-2026")).isEqualTo(
                store(new DateKey(DateKey.Field.SENT, DateKey.Comparison.BEFORE, day)));
        assertThat(key("SENTON 3-Nov-2026")).isEqualTo(
                store(new DateKey(DateKey.Field.SENT, DateKey.Comparison.ON, day)));
        assertThat(key("SENTSINCE 3-Nov-2026")).isEqualTo(
                store(new DateKey(DateKey.Field.SENT, DateKey.Comparison.SINCE, day)));
        assertBad("a SEARCH SINCE 31-Feb-2026", "Bad date");
        assertBad("a SEARCH SINCE yesterday", "Bad date");
    }

    @Test
    void sizeKeys() throws Exception {
        assertThat(key("LARGER 10000")).isEqualTo(store(new SizeKey(true, 10_000)));
        assertThat(key("SMALLER 5")).isEqualTo(store(new SizeKey(false, 5)));
        assertBad("a SEARCH LARGER big", "number");
    }

    @Test
    void setKeysAndSequenceSets() throws Exception {
        assertThat(key("ALL")).isEqualTo(store(SearchKey.all()));
        assertThat(key("1:3,5")).isEqualTo(new Messages(new SequenceSet(List.of(new SequenceSet.Range(1, 3),
                new SequenceSet.Range(5, 5)), false), false));
        assertThat(key("UID 2:*")).isEqualTo(new Messages(new SequenceSet(
                List.of(new SequenceSet.Range(2, SequenceSet.STAR)), false), true));
        assertThat(key("$")).isEqualTo(new Messages(SequenceSet.SAVED, false));
        assertThat(key("*")).isEqualTo(new Messages(new SequenceSet(
                List.of(new SequenceSet.Range(SequenceSet.STAR, SequenceSet.STAR)), false), false));
    }

    @Test
    void logicKeysAndParenthesizedLists() throws Exception {
        assertThat(key("OR SEEN (FLAGGED DRAFT)")).isEqualTo(new Or(store(new FlagKey(SystemFlag.SEEN, true)),
                new And(List.of(store(new FlagKey(SystemFlag.FLAGGED, true)),
                        store(new FlagKey(SystemFlag.DRAFT, true))))));
        assertThat(key("NOT NOT (SEEN)")).isEqualTo(new Not(new Not(store(new FlagKey(SystemFlag.SEEN, true)))));
        assertBad("a SEARCH OR SEEN", "' '");
        assertBad("a SEARCH (SEEN", "')'");
        assertBad("a SEARCH ()", "Expected search key");
    }

    @Test
    void nestingIsBounded() throws Exception {
        int ok = SearchKeyParser.MAX_DEPTH;
        assertThat(key("NOT ".repeat(ok) + "ALL")).isNotNull();
        assertBad("a SEARCH " + "NOT ".repeat(ok + 1) + "ALL", "nested too deeply");
        assertBad("a SEARCH " + "(".repeat(10_000) + "ALL" + ")".repeat(10_000), "nested too deeply");
    }

    @Test
    void returnOptionsAndCharset() throws Exception {
        SearchRequest r = decode("a UID SEARCH RETURN (MIN max COUNT ALL SAVE) CHARSET utf-8 SUBJECT x");
        assertThat(r.byUid()).isTrue();
        assertThat(r.returnOptions()).isEqualTo(Set.of(SearchReturn.MIN, SearchReturn.MAX, SearchReturn.COUNT,
                SearchReturn.ALL, SearchReturn.SAVE));
        assertThat(r.charset()).isEqualTo("UTF-8");
        assertThat(r.criteria()).isEqualTo(store(HeaderKey.subject("x")));
        assertThat(decode("a SEARCH RETURN () ALL").returnOptions()).containsExactly(SearchReturn.ALL);
        assertThat(decode("a SEARCH CHARSET KOI8-R ALL").charset()).as("refused later with NO [BADCHARSET]")
                .isEqualTo("KOI8-R");
        // PARTIAL is known since RFC 9394 (PartialSessionTest); an unknown option is still refused
        assertThat(decode("a SEARCH RETURN (PARTIAL 5:1) ALL").partial()).isEqualTo(new ResultRange(1, 5));
        assertBad("a SEARCH RETURN (PAGE 1:5) ALL", "Unknown search return option");
        assertBad("a SEARCH RETURN ALL", "'('");
    }

    @Test
    void syntaxErrors() {
        assertBad("a SEARCH", "' '");
        assertBad("a SEARCH BOGUS", "Unknown search key BOGUS");
        assertBad("a SEARCH SEEN ", "Expected search key");
        assertBad("a SEARCH FROM", "' '");
        assertBad("a SEARCH CHARSET UTF-8", "' '");
        assertBad("a SEARCH SUBJECT {10}\r\nshort", "Literal shorter");
    }
}
