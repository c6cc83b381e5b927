package io.serai.imap.protocol.response;

/**
 * {@code * ESEARCH (TAG "t") [UID] [MIN n] [MAX n] [COUNT n] [ALL sequence-set] [PARTIAL (r set)]} (RFC 4731 §3.1, RFC 9051 §7.3.4).
 * MIN, MAX and ALL are omitted when nothing matched (RFC 4731 §3.1); COUNT is then 0.
 *
 * @param min   the smallest match, or 0 to omit it
 * @param max   the largest match, or 0 to omit it
 * @param count the number of matches, or -1 to omit it
 * @param all   the matches, ascending, or {@code null} to omit them
 * @param modSeq the highest mod-sequence of the matches when the search used MODSEQ (RFC 7162 §3.1.5), or 0
 * @param partialRange {@code PARTIAL (range numbers)} (RFC 9394 §3.1): the range as asked, or null to omit it
 * @param partial      the matches at those positions (empty: {@code NIL})
 */
public record EsearchResponse(String tag, boolean uid, long min, long max, long count, long[] all, long modSeq,
                              String partialRange, long[] partial) implements ImapResponse {

    public EsearchResponse(String tag, boolean uid, long min, long max, long count, long[] all) {
        this(tag, uid, min, max, count, all, 0);
    }

    public EsearchResponse(String tag, boolean uid, long min, long max, long count, long[] all, long modSeq) {
        this(tag, uid, min, max, count, all, modSeq, null, null);
    }

    public EsearchResponse {
        all = all == null ? null : all.clone();
        partial = partial == null ? null : partial.clone();
    }

    @Override
    public long[] partial() {
        return partial == null ? null : partial.clone();
    }

    @Override
    public long[] all() {
        return all == null ? null : all.clone();
    }
}
