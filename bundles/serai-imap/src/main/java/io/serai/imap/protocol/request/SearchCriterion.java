package io.serai.imap.protocol.request;

import io.serai.store.api.search.SearchKey;

import java.util.List;

/**
 * A decoded SEARCH key. Most keys map straight to a store {@link SearchKey}; message sets need the session's
 * sequence number map, so they stay symbolic until the processor resolves them.
 */
public sealed interface SearchCriterion {

    /** A key the store evaluates as it is (flags, headers, text, dates, sizes, ALL). */
    record Store(SearchKey key) implements SearchCriterion {
    }

    /** A {@code sequence-set} (message numbers) or {@code UID sequence-set}; {@code $} is the saved result. */
    record Messages(SequenceSet set, boolean uids) implements SearchCriterion {
    }

    /** A parenthesized list or the top-level key list: every key matches. */
    record And(List<SearchCriterion> keys) implements SearchCriterion {
        public And {
            keys = List.copyOf(keys);
        }
    }

    /** {@code RECENT} (RFC 3501 §6.4.4): the messages that are {@code \\Recent} in this session, which only it knows. */
    record Recent() implements SearchCriterion {
    }

    record Or(SearchCriterion left, SearchCriterion right) implements SearchCriterion {
    }

    record Not(SearchCriterion key) implements SearchCriterion {
    }
}
