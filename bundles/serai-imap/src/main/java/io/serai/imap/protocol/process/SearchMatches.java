package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.SearchCriterion;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.ResponseCode;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.StoreException;
import io.serai.store.api.search.ModSeqKey;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What SEARCH, SORT and THREAD share (RFC 9051 §6.4.4, RFC 5256 §3): the charsets, running the criteria in the
 * store, keeping only what this session has a sequence number for, and the MODSEQ of the matches (RFC 7162 §3.1.5).
 */
final class SearchMatches {

    static final List<String> CHARSETS = List.of("US-ASCII", "UTF-8");
    private static final Set<String> KNOWN = Set.copyOf(CHARSETS);

    private SearchMatches() {
    }

    static boolean charsetSupported(String charset) {
        return charset == null || KNOWN.contains(charset);
    }

    /**
     * The matches as {@link #uids}, or null after answering the command: NO [BADCHARSET] for an unknown charset,
     * BAD for criteria the store cannot evaluate. A refused command with SAVE empties the saved result (RFC 5182
     * §2.4).
     */
    static long[] uidsOrRefuse(SelectedMailbox selected, String tag, String charset, SearchCriterion criteria,
                               boolean save, List<ImapResponse> out) throws StoreException {
        if (!charsetSupported(charset)) {
            if (save) {
                selected.saveResult(new long[0]);
            }
            out.add(StatusResponse.no(tag, ResponseCode.list("BADCHARSET", CHARSETS), "Unsupported charset"));
            return null;
        }
        try {
            return uids(selected, criteria);
        } catch (IllegalArgumentException e) {
            if (save) {
                selected.saveResult(new long[0]);
            }
            out.add(StatusResponse.bad(tag, e.getMessage()));
            return null;
        }
    }

    /**
     * The UIDs of the messages that match and that this session knows, ascending.
     *
     * @throws IllegalArgumentException for criteria the store cannot evaluate (answered BAD)
     */
    static long[] uids(SelectedMailbox selected, SearchCriterion criteria) throws StoreException {
        if (selected.exists() == 0) {
            return new long[0];
        }
        long[] uids = selected.mailbox().search(SearchKeys.toStore(criteria, selected));
        return Arrays.stream(uids).filter(uid -> selected.msn(uid) > 0).sorted().toArray();
    }

    /** Whether a MODSEQ key occurs anywhere in the criteria. */
    static boolean usesModSeq(SearchCriterion c) {
        if (c instanceof SearchCriterion.Store s) {
            return s.key() instanceof ModSeqKey;
        }
        if (c instanceof SearchCriterion.And a) {
            return a.keys().stream().anyMatch(SearchMatches::usesModSeq);
        }
        if (c instanceof SearchCriterion.Or o) {
            return usesModSeq(o.left()) || usesModSeq(o.right());
        }
        return c instanceof SearchCriterion.Not n && usesModSeq(n.key());
    }

    /**
     * The highest mod-sequence among {@code uids} (ascending), for {@code (MODSEQ n)} (RFC 7162 §3.1.5); 0 when
     * there are none. One store read over their UID range.
     */
    static long highestModSeq(SelectedMailbox selected, long[] uids) throws StoreException {
        if (uids.length == 0) {
            return 0;
        }
        long highest = 0;
        for (MessageMeta m : selected.mailbox().messages(uids[0], uids[uids.length - 1])) {
            if (Arrays.binarySearch(uids, m.uid()) >= 0) {
                highest = Math.max(highest, m.modSeq());
            }
        }
        return highest;
    }
}
