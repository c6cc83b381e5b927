package io.serai.imap.protocol.process;

import io.serai.store.api.Mailbox;

import java.util.Arrays;

/**
 * The mailbox of the SELECTED state and this session's message sequence number map (RFC 9051 §2.3.1.2): message
 * {@code n} is {@code uids[n - 1]}. The map changes only when this session reports EXISTS or EXPUNGE.
 */
final class SelectedMailbox {

    private final Mailbox mailbox;
    private final String name;
    private final boolean readOnly;
    private long[] uids;

    SelectedMailbox(Mailbox mailbox, String name, boolean readOnly, long[] uids) {
        this.mailbox = mailbox;
        this.name = name;
        this.readOnly = readOnly;
        this.uids = uids.clone();
    }

    Mailbox mailbox() {
        return mailbox;
    }

    String name() {
        return name;
    }

    boolean readOnly() {
        return readOnly;
    }

    int exists() {
        return uids.length;
    }

    /** A copy of the map: UIDs in sequence number order. */
    long[] uids() {
        return uids.clone();
    }

    /** The sequence number of {@code uid}, or 0 if this session does not know it. */
    int msn(long uid) {
        int i = Arrays.binarySearch(uids, uid);
        return i < 0 ? 0 : i + 1;
    }

    /** Adds a message this session has just reported as EXISTS; UIDs only grow, so it goes last. */
    void added(long uid) {
        if (uids.length == 0 || uid > uids[uids.length - 1]) {
            long[] next = Arrays.copyOf(uids, uids.length + 1);
            next[uids.length] = uid;
            uids = next;
        }
    }

    /** Forgets {@code uid}; returns the sequence number it had, to report as EXPUNGE, or 0. */
    int expunged(long uid) {
        int msn = msn(uid);
        if (msn > 0) {
            long[] next = new long[uids.length - 1];
            System.arraycopy(uids, 0, next, 0, msn - 1);
            System.arraycopy(uids, msn, next, msn - 1, uids.length - msn);
            uids = next;
        }
        return msn;
    }
}
