package io.serai.store.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.serai.store.api.search.SearchKey;

/**
 * One mailbox. A handle stays valid across renames. Every mutation returns after it is durable.
 * UID arguments are sorted or unsorted arrays; unknown UIDs are ignored as RFC 3501 asks for UID commands.
 */
public interface Mailbox {

    long id();

    MailboxInfo info() throws StoreException;

    /** All UIDs, ascending: the cheap way to build the message sequence number map on SELECT. */
    long[] uids() throws StoreException;

    /** All messages in UID order. */
    List<MessageMeta> messages() throws StoreException;

    /** Messages with {@code firstUid <= uid <= lastUid}, in UID order. */
    List<MessageMeta> messages(long firstUid, long lastUid) throws StoreException;

    /** Messages whose MODSEQ is greater than {@code modSeq} (CONDSTORE CHANGEDSINCE). */
    List<MessageMeta> changedSince(long modSeq) throws StoreException;

    AppendResult append(AppendRequest request) throws StoreException;

    /** Appends all or nothing (MULTIAPPEND, RFC 3502). */
    AppendResult appendAll(List<AppendRequest> requests) throws StoreException;

    MessageContent content(long uid) throws StoreException;

    /**
     * The contents of the messages with these UIDs, in the order given, without the ones that are gone: what a FETCH
     * of many bodies asks for. A store that pays a round trip per call reads them together, with what their
     * structure and first bytes take in memory until the caller drops them, so callers ask for a bounded number at a
     * time. The default asks {@link #content} for each.
     */
    default List<MessageContent> contents(long[] uids) throws StoreException {
        List<MessageContent> out = new ArrayList<>(uids.length);
        for (long uid : uids) {
            try {
                out.add(content(uid));
            } catch (NotFoundException e) {
                // expunged meanwhile: left out, as the contract says
            }
        }
        return out;
    }

    FlagUpdateResult updateFlags(long[] uids, FlagUpdate update) throws StoreException;

    /** Removes the given messages; returns the UIDs actually expunged. */
    long[] expunge(long[] uids) throws StoreException;

    UidMapping copyTo(long[] uids, Mailbox target) throws StoreException;

    /** Copy then expunge in one atomic step (RFC 6851). */
    UidMapping moveTo(long[] uids, Mailbox target) throws StoreException;

    /** UIDs of matching messages, ascending. */
    long[] search(SearchKey key) throws StoreException;

    /**
     * Claims the messages that no session has seen yet, for {@code \Recent} (RFC 3501 §2.3.2: a message is recent in
     * exactly one session, the first to be told about it). Atomically moves the mailbox's first unclaimed UID up to
     * {@code uidNext} and returns where it was: the caller's recent messages are those with
     * {@code returned <= uid < uidNext}. Returns {@code uidNext} when there is nothing left to claim; another caller,
     * on any node sharing the store, never gets the same UIDs.
     */
    default long claimRecent(long uidNext) throws StoreException {
        return uidNext; // a store that does not track it: nothing is ever recent
    }

    /**
     * The expunge log, for an exact {@code VANISHED (EARLIER)} (RFC 7162 §3.2.5, §3.2.6): the UIDs expunged (or
     * moved away) by changes whose mod-sequence is above {@code modSeq}, ascending. Empty when the store's log no
     * longer reaches back that far (it is bounded) or the store keeps none; the caller then reports a superset.
     */
    default Optional<long[]> expungedSince(long modSeq) throws StoreException {
        return Optional.empty();
    }

    /** The first UID no session has claimed as recent yet (STATUS RECENT, EXAMINE), without claiming anything. */
    default long firstUnclaimedRecentUid() throws StoreException {
        return info().uidNext();
    }
}
