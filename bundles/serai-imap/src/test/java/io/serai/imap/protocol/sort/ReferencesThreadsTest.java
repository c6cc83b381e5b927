package io.serai.imap.protocol.sort;

import static io.serai.imap.protocol.sort.ThreadsTestSupport.message;
import static io.serai.imap.protocol.sort.ThreadsTestSupport.written;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** THREAD=REFERENCES (RFC 5256 §3), step by step. */
class ReferencesThreadsTest {

    @Test
    void repliesHangUnderWhatTheyReference() {
        List<SortFacts> m = List.of(
                message(1, 10, "a", "1@x"),
                message(2, 20, "Re: a", "2@x", "1@x"),
                message(3, 30, "Re: a", "3@x", "1@x", "2@x"),
                message(4, 25, "Re: a", "4@x", "1@x"));
        // 1 has two replies, 2 (with its own reply 3) and 4, ordered by date
        assertThat(written(ReferencesThreads.of(m))).isEqualTo("(1 (2 3)(4))");
    }

    @Test
    void aMissingParentBecomesADummyOnlyWhenItHoldsTwoOrMore() {
        List<SortFacts> two = List.of(message(1, 10, "x", "1@x", "0@x"), message(2, 20, "y", "2@x", "0@x"));
        assertThat(written(ReferencesThreads.of(two))).isEqualTo("((1)(2))");
        List<SortFacts> one = List.of(message(1, 10, "x", "1@x", "0@x"), message(2, 20, "y", "2@x", "1@x"));
        assertThat(written(ReferencesThreads.of(one))).isEqualTo("(1 2)"); // the dummy for 0@x is pruned
    }

    /** imaptest "thread": the message's own References break the link another message's References made. */
    @Test
    void ownReferencesReplaceALinkFromAnotherMessageAndNeverMakeALoop() {
        List<SortFacts> m = List.of(
                message(1, 17, "", "a@b"),
                message(2, 15, "", "b@b", "a@b", "c@b"),
                message(3, 16, "", "c@b", "b@b"));
        assertThat(written(ReferencesThreads.of(m))).isEqualTo("(3 2)(1)");
    }

    @Test
    void duplicateAndMissingMessageIdsAreEachTheirOwnMessage() {
        List<SortFacts> m = List.of(
                message(1, 10, "a", "dup@x"),
                message(2, 20, "b", "dup@x"),
                message(3, 30, "c", null),
                message(4, 40, "Re: a", "4@x", "dup@x"));
        assertThat(written(ReferencesThreads.of(m))).isEqualTo("(1 4)(2)(3)");
    }

    @Test
    void rootsWithTheSameBaseSubjectAreGathered() {
        // no references at all: a reply is put under the original; two originals get a dummy
        List<SortFacts> m = List.of(
                message(1, 10, "Lunch", "1@x"),
                message(2, 20, "Re: Lunch", "2@x"),
                message(3, 30, "Dinner", "3@x"),
                message(4, 40, "Dinner", "4@x"),
                message(5, 50, "", "5@x"),
                message(6, 60, "", "6@x"));
        // empty subjects are never gathered
        assertThat(written(ReferencesThreads.of(m))).isEqualTo("(1 2)((3)(4))(5)(6)");
    }

    @Test
    void aReplyIsNotTheRootWhenTheOriginalIsThere() {
        List<SortFacts> m = List.of(message(1, 10, "Re: Lunch", "1@x"), message(2, 20, "Lunch", "2@x"));
        assertThat(written(ReferencesThreads.of(m))).isEqualTo("(2 1)");
    }

    @Test
    void aSelfReferenceIsIgnored() {
        List<SortFacts> m = List.of(message(1, 10, "a", "1@x", "1@x"), message(2, 20, "b", "2@x", "2@x", "1@x"));
        assertThat(written(ReferencesThreads.of(m))).isEqualTo("(1 2)");
    }

    @Test
    void aChainOfAHundredThousandRepliesDoesNotOverflowTheStack() {
        List<SortFacts> m = new ArrayList<>();
        m.add(message(1, 1, "long", "1@x"));
        for (int i = 2; i <= 100_000; i++) {
            m.add(message(i, i, "Re: long", i + "@x", (i - 1) + "@x"));
        }
        List<ThreadNode> threads = ReferencesThreads.of(m);
        assertThat(threads).hasSize(1);
        int depth = 0;
        for (ThreadNode n = threads.get(0); !n.children().isEmpty(); n = n.children().get(0)) {
            depth++;
        }
        assertThat(depth).isEqualTo(99_999);
    }
}
