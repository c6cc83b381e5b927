package io.serai.imap.protocol.request;

import java.util.Set;

/**
 * {@code [UID] SEARCH [RETURN (options)] [CHARSET charset] search-key *(SP search-key)} (RFC 9051 §6.4.4,
 * RFC 4731 ESEARCH, RFC 5182 SAVE).
 *
 * @param returnOptions empty for a plain IMAP4rev1 SEARCH; {@code RETURN ()} means {@code ALL} (RFC 4731 §3.1)
 * @param partial       the PARTIAL range (RFC 9394), or null
 * @param charset       the CHARSET argument in upper case, or {@code null}; the processor refuses unknown ones
 * @param criteria      the keys, an implicit AND
 */
public record SearchRequest(String tag, boolean byUid, Set<SearchReturn> returnOptions, ResultRange partial,
                            String charset, SearchCriterion criteria) implements ImapRequest {

    public SearchRequest {
        returnOptions = Set.copyOf(returnOptions);
    }

    /** Whether the client asked for an ESEARCH response (a {@code RETURN} clause was present). */
    public boolean extended() {
        return !returnOptions.isEmpty();
    }

    @Override
    public String command() {
        return "SEARCH";
    }
}
