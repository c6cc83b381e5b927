package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.SearchReturn;
import io.serai.imap.protocol.request.SortRequest;
import io.serai.imap.protocol.response.EsearchResponse;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.SortResponse;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.imap.protocol.sort.SortFacts;
import io.serai.imap.protocol.sort.SortOrder;
import io.serai.store.api.StoreException;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * SORT and UID SORT (RFC 5256 §3, RFC 5957 DISPLAYFROM/DISPLAYTO): the store finds the matches, then they are
 * ordered by the criteria here. With RETURN the answer is an ESEARCH in sort order (ESORT, RFC 5267 §3.1: MIN is
 * the first in sort order, MAX the last, ALL the numbers in sort order); SAVE keeps the matches for {@code $}
 * (RFC 5182 §2.4, RFC 5267 §3.1). PARTIAL (RFC 9394) pages the matches in sort order. A MODSEQ key adds the highest MODSEQ of the matches (RFC 7162 §3.1.5).
 */
final class SortProcessor implements CommandProcessor<SortRequest> {

    @Override
    public void process(SortRequest request, ImapSession session, List<ImapResponse> out) throws StoreException {
        SelectedMailbox selected = session.selected();
        boolean save = request.returnOptions().contains(SearchReturn.SAVE);
        long[] matches = SearchMatches.uidsOrRefuse(selected, request.tag(), request.charset(), request.criteria(),
                save, out);
        if (matches == null) {
            return;
        }
        List<SortFacts> facts = SortFactsReader.read(selected, matches, false);
        facts.sort(SortOrder.of(request.sortCriteria()));
        long[] sortedUids = facts.stream().mapToLong(SortFacts::uid).toArray();
        long[] numbers = request.byUid() ? sortedUids : Arrays.stream(sortedUids).map(selected::msn).toArray();
        long modSeq = 0;
        if (SearchMatches.usesModSeq(request.criteria())) {
            session.condstoreUsed(); // RFC 7162 §3.1
            long[] reported = request.extended() ? minMaxOnly(request.returnOptions(), sortedUids) : sortedUids;
            modSeq = SearchMatches.highestModSeq(selected, ascending(reported));
        }
        if (save) {
            selected.saveResult(ascending(request.partial() != null ? request.partial().slice(sortedUids)
                    : minMaxOnly(request.returnOptions(), sortedUids)));
        }
        if (!request.extended()) {
            out.add(new SortResponse(numbers, modSeq));
        } else if (!request.returnOptions().equals(Set.of(SearchReturn.SAVE))) {
            out.add(esort(request, numbers, modSeq));
        }
        out.add(StatusResponse.ok(request.tag(), "SORT completed"));
    }

    private static EsearchResponse esort(SortRequest request, long[] numbers, long modSeq) {
        Set<SearchReturn> options = request.returnOptions();
        boolean any = numbers.length > 0;
        long min = any && options.contains(SearchReturn.MIN) ? numbers[0] : 0;
        long max = any && options.contains(SearchReturn.MAX) ? numbers[numbers.length - 1] : 0;
        long count = options.contains(SearchReturn.COUNT) ? numbers.length : -1;
        return new EsearchResponse(request.tag(), request.byUid(), min, max, count,
                options.contains(SearchReturn.ALL) ? numbers : null, modSeq,
                request.partial() == null ? null : request.partial().toString(),
                request.partial() == null ? null : request.partial().slice(numbers));
    }

    /** As for SEARCH: with only MIN and/or MAX (SAVE aside), just the first and last in sort order. */
    private static long[] minMaxOnly(Set<SearchReturn> options, long[] sorted) {
        return SearchProcessor.minMaxOnly(options, sorted); // MIN and MAX are the first and last in sort order
    }

    private static long[] ascending(long[] uids) {
        long[] copy = uids.clone();
        Arrays.sort(copy);
        return copy;
    }
}
