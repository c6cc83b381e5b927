package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.SearchCriterion;
import io.serai.store.api.search.AndKey;
import io.serai.store.api.search.NotKey;
import io.serai.store.api.search.OrKey;
import io.serai.store.api.search.SearchKey;
import io.serai.store.api.search.UidRangeKey;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns decoded SEARCH criteria into a store {@link SearchKey}. Message sets (sequence numbers, {@code UID} sets and
 * {@code $}) are resolved against the session's map and become UID ranges: a run of consecutive sequence numbers is
 * one {@link UidRangeKey}, because the store holds no message between two neighbours that this session knows.
 */
final class SearchKeys {

    private static final SearchKey NOTHING = SearchKey.all().not();

    private SearchKeys() {
    }

    static SearchKey toStore(SearchCriterion criterion, SelectedMailbox selected) {
        if (criterion instanceof SearchCriterion.Store s) {
            return s.key();
        } else if (criterion instanceof SearchCriterion.And and) {
            List<SearchKey> keys = new ArrayList<>(and.keys().size());
            for (SearchCriterion c : and.keys()) {
                keys.add(toStore(c, selected));
            }
            return new AndKey(keys);
        } else if (criterion instanceof SearchCriterion.Or or) {
            return new OrKey(toStore(or.left(), selected), toStore(or.right(), selected));
        } else if (criterion instanceof SearchCriterion.Not not) {
            return new NotKey(toStore(not.key(), selected));
        }
        if (criterion instanceof SearchCriterion.Recent) {
            int[] msns = java.util.Arrays.stream(selected.uids()).filter(selected::isRecent)
                    .mapToInt(selected::msn).toArray();
            return uidRanges(selected, msns);
        }
        SearchCriterion.Messages m = (SearchCriterion.Messages) criterion;
        return uidRanges(selected, selected.resolveForSearch(m.set(), m.uids()));
    }

    private static SearchKey uidRanges(SelectedMailbox selected, int[] msns) {
        List<SearchKey> ranges = new ArrayList<>();
        int i = 0;
        while (i < msns.length) {
            int j = i;
            while (j + 1 < msns.length && msns[j + 1] == msns[j] + 1) {
                j++;
            }
            ranges.add(new UidRangeKey(selected.uid(msns[i]), selected.uid(msns[j])));
            i = j + 1;
        }
        return ranges.isEmpty() ? NOTHING : anyOf(ranges, 0, ranges.size());
    }

    /** A balanced OR tree, so a set of many ranges does not nest thousands deep. */
    private static SearchKey anyOf(List<SearchKey> keys, int from, int to) {
        if (to - from == 1) {
            return keys.get(from);
        }
        int mid = (from + to) >>> 1;
        return new OrKey(anyOf(keys, from, mid), anyOf(keys, mid, to));
    }
}
