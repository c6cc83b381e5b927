package io.serai.imap.protocol.request;

import java.util.List;
import java.util.Set;

/**
 * {@code [UID] SORT [RETURN (options)] (sort-criteria) charset search-key *(SP search-key)} (RFC 5256 §3,
 * RFC 5267 §3 for RETURN).
 *
 * @param returnOptions empty for a plain {@code * SORT} answer; otherwise the ESORT options (RFC 5267 §3.1)
 * @param partial       the PARTIAL range (RFC 9394), positions in sort order, or null
 * @param sortCriteria  at least one, most significant first
 * @param charset       upper case; the processor refuses what it does not know
 */
public record SortRequest(String tag, boolean byUid, Set<SearchReturn> returnOptions, ResultRange partial,
                          List<SortCriterion> sortCriteria, String charset, SearchCriterion criteria)
        implements ImapRequest {

    public SortRequest {
        returnOptions = Set.copyOf(returnOptions);
        sortCriteria = List.copyOf(sortCriteria);
    }

    /** Whether the client asked for an ESEARCH response (RFC 5267 §3.1). */
    public boolean extended() {
        return !returnOptions.isEmpty();
    }

    @Override
    public String command() {
        return "SORT";
    }
}
