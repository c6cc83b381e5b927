package io.serai.imap.protocol.response;

/**
 * {@code * SORT n n n [(MODSEQ m)]} (RFC 5256 §4, RFC 7162 §3.1.5): the numbers in sort order.
 *
 * @param modSeq the highest mod-sequence of the matches when the search used MODSEQ, or 0
 */
public record SortResponse(long[] numbers, long modSeq) implements ImapResponse {

    public SortResponse {
        numbers = numbers.clone();
    }

    @Override
    public long[] numbers() {
        return numbers.clone();
    }
}
