package io.serai.imap.protocol.response;

/**
 * {@code * SEARCH n n n [(MODSEQ m)]} (RFC 3501 §7.2.5): the IMAP4rev1 answer to a SEARCH without RETURN.
 *
 * @param modSeq the highest mod-sequence of the matches when the search used MODSEQ (RFC 7162 §3.1.5), or 0
 */
public record SearchResponse(long[] numbers, long modSeq) implements ImapResponse {

    public SearchResponse(long[] numbers) {
        this(numbers, 0);
    }

    public SearchResponse {
        numbers = numbers.clone();
    }

    @Override
    public long[] numbers() {
        return numbers.clone();
    }
}
