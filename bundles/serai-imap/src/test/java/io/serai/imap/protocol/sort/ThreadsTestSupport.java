package io.serai.imap.protocol.sort;

import java.util.List;
import java.util.stream.Collectors;

/** Facts for thread tests, and the trees written the way RFC 5256 §4 writes them (numbers are UIDs). */
final class ThreadsTestSupport {

    private ThreadsTestSupport() {
    }

    static SortFacts message(long uid, long sentDate, String subject, String messageId, String... parents) {
        BaseSubject b = BaseSubject.of(subject);
        return new SortFacts(uid, sentDate, 100, sentDate, UnicodeCasemap.key(b.text()), b.replyOrForward(), "", "",
                "", "", "", messageId, List.of(parents));
    }

    static String written(List<ThreadNode> threads) {
        return threads.stream().map(t -> "(" + members(t) + ")").collect(Collectors.joining());
    }

    private static String members(ThreadNode n) {
        StringBuilder sb = new StringBuilder();
        if (!n.dummy()) {
            sb.append(n.facts().uid());
        }
        if (n.children().size() == 1) {
            sb.append(sb.length() > 0 ? " " : "").append(members(n.children().get(0)));
        } else if (!n.children().isEmpty()) {
            sb.append(sb.length() > 0 ? " " : "");
            n.children().forEach(c -> sb.append('(').append(members(c)).append(')'));
        }
        return sb.toString();
    }
}
