package io.serai.imap.protocol.response;

/** {@code * SEARCH n n n} (RFC 3501 §7.2.5): the IMAP4rev1 answer to a SEARCH without RETURN. */
public record SearchResponse(long[] numbers) implements ImapResponse {

    public SearchResponse {
        numbers = numbers.clone();
    }

    @Override
    public long[] numbers() {
        return numbers.clone();
    }
}
