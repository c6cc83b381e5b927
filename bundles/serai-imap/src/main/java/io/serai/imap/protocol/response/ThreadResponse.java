package io.serai.imap.protocol.response;

import java.util.List;

/** {@code * THREAD (thread-list)...} (RFC 5256 §4): one {@link Node} tree per thread, in thread order. */
public record ThreadResponse(List<Node> threads) implements ImapResponse {

    public ThreadResponse {
        threads = List.copyOf(threads);
    }

    /**
     * A message number (sequence number or UID), or 0 for a dummy (a thread whose root is not in the result).
     *
     * @param children its replies, in thread order
     */
    public record Node(long number, List<Node> children) {
        public Node {
            children = List.copyOf(children);
        }
    }
}
