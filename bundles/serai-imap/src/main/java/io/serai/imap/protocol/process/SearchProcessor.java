package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.SearchRequest;
import io.serai.imap.protocol.request.SearchReturn;
import io.serai.imap.protocol.response.EsearchResponse;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.SearchResponse;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.store.api.StoreException;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * SEARCH and UID SEARCH (RFC 9051 §6.4.4). The store evaluates the keys; only messages this session knows are
 * reported. Without RETURN an IMAP4rev1 client gets {@code * SEARCH}; with RETURN (or IMAP4rev2 enabled) it gets
 * {@code * ESEARCH} (RFC 4731). SAVE keeps the result for {@code $} (RFC 5182 §2.4): only MIN and/or MAX when they
 * are the only other options, everything otherwise; a failed SEARCH with SAVE empties it. SAVE alone sends no
 * ESEARCH. PARTIAL (RFC 9394) pages the matches in ascending order; with SAVE, the page is what is saved.
 */
final class SearchProcessor implements CommandProcessor<SearchRequest> {

    @Override
    public void process(SearchRequest request, ImapSession session, List<ImapResponse> out) throws StoreException {
        SelectedMailbox selected = session.selected();
        boolean save = request.returnOptions().contains(SearchReturn.SAVE);
        long[] uids = SearchMatches.uidsOrRefuse(selected, request.tag(), request.charset(), request.criteria(),
                save, out);
        if (uids == null) {
            return;
        }
        long[] numbers = request.byUid() ? uids : Arrays.stream(uids).map(selected::msn).toArray();
        long modSeq = 0;
        if (SearchMatches.usesModSeq(request.criteria())) {
            session.condstoreUsed(); // RFC 7162 §3.1: SEARCH MODSEQ enables CONDSTORE
            modSeq = SearchMatches.highestModSeq(selected, reported(request, uids));
        }
        if (save) {
            selected.saveResult(request.partial() != null ? request.partial().slice(uids)
                    : saved(request.returnOptions(), uids));
        }
        if (request.extended() || session.enabled().contains("IMAP4REV2")) {
            Set<SearchReturn> options = request.extended() ? request.returnOptions() : Set.of(SearchReturn.ALL);
            if (!options.equals(Set.of(SearchReturn.SAVE))) {
                out.add(esearch(request, options, numbers, modSeq));
            }
        } else {
            out.add(new SearchResponse(numbers, modSeq));
        }
        out.add(StatusResponse.ok(request.tag(), "SEARCH completed"));
    }

    /**
     * The messages an ESEARCH with only MIN and/or MAX returns (RFC 7162 §3.1.5: its MODSEQ is then that of the
     * returned messages, not of every match); every match otherwise.
     */
    private static long[] reported(SearchRequest request, long[] uids) {
        return request.extended() ? minMaxOnly(request.returnOptions(), uids) : uids;
    }

    private static EsearchResponse esearch(SearchRequest request, Set<SearchReturn> options, long[] numbers,
                                           long modSeq) {
        boolean any = numbers.length > 0;
        long min = any && options.contains(SearchReturn.MIN) ? numbers[0] : 0;
        long max = any && options.contains(SearchReturn.MAX) ? numbers[numbers.length - 1] : 0;
        long count = options.contains(SearchReturn.COUNT) ? numbers.length : -1;
        return new EsearchResponse(request.tag(), request.byUid(), min, max, count,
                options.contains(SearchReturn.ALL) ? numbers : null, modSeq,
                request.partial() == null ? null : request.partial().toString(),
                request.partial() == null ? null : request.partial().slice(numbers));
    }

    /** RFC 5182 §2.4: with only MIN and/or MAX beside SAVE, just those messages are saved. */
    private static long[] saved(Set<SearchReturn> options, long[] uids) {
        return minMaxOnly(options, uids);
    }

    /** With only MIN and/or MAX among the options (SAVE aside), just those messages; otherwise all of them. */
    static long[] minMaxOnly(Set<SearchReturn> options, long[] uids) {
        if (uids.length == 0 || options.contains(SearchReturn.ALL) || options.contains(SearchReturn.COUNT)
                || options.contains(SearchReturn.PARTIAL)
                || !(options.contains(SearchReturn.MIN) || options.contains(SearchReturn.MAX))) {
            return uids;
        }
        long min = uids[0];
        long max = uids[uids.length - 1];
        if (options.contains(SearchReturn.MIN) && options.contains(SearchReturn.MAX)) {
            return min == max ? new long[] {min} : new long[] {min, max};
        }
        return new long[] {options.contains(SearchReturn.MIN) ? min : max};
    }
}
