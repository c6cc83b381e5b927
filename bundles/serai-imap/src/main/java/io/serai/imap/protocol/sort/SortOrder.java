package io.serai.imap.protocol.sort;

import io.serai.imap.protocol.request.SortCriterion;

import java.util.Comparator;
import java.util.List;

/**
 * The order of RFC 5256 §3 SORT: the criteria in turn, each possibly reversed, then the mailbox order (sequence
 * number, which is UID order) for messages that tie on all of them. The tie-break is never reversed.
 */
public final class SortOrder {

    private SortOrder() {
    }

    public static Comparator<SortFacts> of(List<SortCriterion> criteria) {
        Comparator<SortFacts> order = null;
        for (SortCriterion c : criteria) {
            Comparator<SortFacts> key = key(c);
            order = order == null ? key : order.thenComparing(key);
        }
        Comparator<SortFacts> mailboxOrder = Comparator.comparingLong(SortFacts::uid);
        return order == null ? mailboxOrder : order.thenComparing(mailboxOrder);
    }

    /** Sent date, then mailbox order: how THREAD orders siblings and threads (RFC 5256 §3). */
    public static final Comparator<SortFacts> SENT_DATE =
            Comparator.comparingLong(SortFacts::sentDate).thenComparingLong(SortFacts::uid);

    private static Comparator<SortFacts> key(SortCriterion c) {
        Comparator<SortFacts> key = switch (c.key()) {
            case ARRIVAL -> Comparator.comparingLong(SortFacts::arrival);
            case DATE -> Comparator.comparingLong(SortFacts::sentDate);
            case SIZE -> Comparator.comparingLong(SortFacts::size);
            case SUBJECT -> text(SortFacts::subject);
            case FROM -> text(SortFacts::from);
            case TO -> text(SortFacts::to);
            case CC -> text(SortFacts::cc);
            case DISPLAYFROM -> text(SortFacts::displayFrom);
            case DISPLAYTO -> text(SortFacts::displayTo);
        };
        return c.reverse() ? key.reversed() : key;
    }

    private static Comparator<SortFacts> text(java.util.function.Function<SortFacts, String> field) {
        return (a, b) -> UnicodeCasemap.compare(field.apply(a), field.apply(b));
    }
}
