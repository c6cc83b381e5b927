package io.serai.imap.protocol.sort;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * THREAD=ORDEREDSUBJECT (RFC 5256 §3): messages with the same base subject form one thread; its first message by
 * sent date is the root and every later one is a child of the root, in sent date order. Threads are ordered by the
 * sent date of their roots.
 */
public final class OrderedSubjectThreads {

    private OrderedSubjectThreads() {
    }

    public static List<ThreadNode> of(List<SortFacts> messages) {
        List<SortFacts> byDate = new ArrayList<>(messages);
        byDate.sort(SortOrder.SENT_DATE);
        Map<String, ThreadNode> roots = new LinkedHashMap<>();
        for (SortFacts m : byDate) {
            ThreadNode root = roots.get(m.subject());
            if (root == null) {
                roots.put(m.subject(), new ThreadNode(m));
            } else {
                root.addChild(new ThreadNode(m));
            }
        }
        return new ArrayList<>(roots.values()); // roots were met in sent date order
    }
}
