package io.serai.store.postgres.internal.write;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.serai.store.api.StoreException;
import io.serai.store.postgres.internal.MailboxRow;
import io.serai.store.postgres.internal.event.ChangeKind;
import io.serai.store.postgres.internal.event.ChangeLog;

/**
 * A locked mailbox's counters as a transaction changes them, written back once at the end, together with the
 * transaction's change_log row for the mailbox when it has one (the common case: one statement for both).
 */
final class MailboxCounters {
    private static final String UPDATE = "UPDATE mailbox SET uid_next = ?, highest_modseq = ?, messages = ?, "
            + "octets = ?, event_seq = ? WHERE id = ?";

    /** A change to record at {@link #save}. */
    private record Change(ChangeLog log, long seq, ChangeKind kind, long modSeq, long[] uids) {
    }

    private final List<Change> changes = new ArrayList<>(1);
    final MailboxRow row;
    long uidNext;
    long highestModSeq;
    long messages;
    long octets;
    long eventSeq;

    MailboxCounters(MailboxRow row) {
        this.row = row;
        this.uidNext = row.uidNext();
        this.highestModSeq = row.highestModSeq();
        this.messages = row.messages();
        this.octets = row.octets();
        this.eventSeq = row.eventSeq();
    }

    /** UIDs are 32-bit unsigned (RFC 3501 section 2.3.1.1); past that, the mailbox needs a new UIDVALIDITY. */
    void requireUidSpace(long count) throws StoreException {
        if (uidNext + count - 1 > 0xFFFF_FFFFL) {
            throw new StoreException("UID space of mailbox " + row.name() + " is exhausted");
        }
    }

    long nextModSeq() {
        return ++highestModSeq;
    }

    /** Records a change of this mailbox; written by {@link #save}, which the transaction must call. */
    void log(ChangeLog log, ChangeKind kind, long modSeq, long[] uids) {
        changes.add(new Change(log, ++eventSeq, kind, modSeq, uids));
    }

    void save(Connection c) throws SQLException {
        long[] params = {uidNext, highestModSeq, messages, octets, eventSeq, row.id()};
        if (changes.size() == 1) {
            Change ch = changes.get(0);
            ch.log().insertWith(c, UPDATE, params, row.id(), ch.seq(), row.account(), ch.kind(), ch.modSeq(),
                    ch.uids());
        } else {
            for (Change ch : changes) { // a MOVE within one mailbox: its ADDED and its EXPUNGED
                ch.log().insert(c, row.id(), ch.seq(), row.account(), ch.kind(), ch.modSeq(), ch.uids(), null, null);
            }
            try (PreparedStatement p = c.prepareStatement(UPDATE)) {
                for (int i = 0; i < params.length; i++) {
                    p.setLong(i + 1, params[i]);
                }
                p.executeUpdate();
            }
        }
        changes.clear();
    }
}
