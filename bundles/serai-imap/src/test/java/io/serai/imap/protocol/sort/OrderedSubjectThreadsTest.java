package io.serai.imap.protocol.sort;

import static io.serai.imap.protocol.sort.ThreadsTestSupport.message;
import static io.serai.imap.protocol.sort.ThreadsTestSupport.written;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** THREAD=ORDEREDSUBJECT (RFC 5256 §3). */
class OrderedSubjectThreadsTest {

    @Test
    void oneThreadPerBaseSubjectRootedAtItsFirstMessageByDate() {
        List<SortFacts> m = List.of(
                message(1, 40, "Re: lunch", null),
                message(2, 10, "dinner", null),
                message(3, 20, "LUNCH", null),
                message(4, 30, "Fwd: Dinner", null),
                message(5, 50, "lunch (fwd)", null),
                message(6, 5, "alone", null));
        // roots by date: 6 (5), 2 (10), 3 (20); children of a root in date order, all at one level
        assertThat(written(OrderedSubjectThreads.of(m))).isEqualTo("(6)(2 4)(3 (1)(5))");
    }

    @Test
    void equalDatesFallBackToMailboxOrder() {
        List<SortFacts> m = List.of(message(2, 10, "a", null), message(1, 10, "a", null));
        assertThat(written(OrderedSubjectThreads.of(m))).isEqualTo("(1 2)");
    }
}
