package io.serai.imap.protocol.request;

/** {@code [UID] THREAD thread-alg SP charset SP search-key *(SP search-key)} (RFC 5256 §3). */
public record ThreadRequest(String tag, boolean byUid, ThreadAlgorithm algorithm, String charset,
                            SearchCriterion criteria) implements ImapRequest {

    @Override
    public String command() {
        return "THREAD";
    }
}
