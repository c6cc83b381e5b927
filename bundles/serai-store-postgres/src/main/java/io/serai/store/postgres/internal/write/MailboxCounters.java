package io.serai.store.postgres.internal.write;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import io.serai.store.api.StoreException;
import io.serai.store.postgres.internal.MailboxRow;
import io.serai.store.postgres.internal.event.ChangeKind;
import io.serai.store.postgres.internal.event.ChangeLog;

/** A locked mailbox's counters as a transaction changes them, written back once at the end. */
final class MailboxCounters {
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

    void log(Connection c, ChangeLog log, ChangeKind kind, long modSeq, long[] uids) throws SQLException {
        log.insert(c, row.id(), ++eventSeq, row.account(), kind, modSeq, uids, null, null);
    }

    void save(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE mailbox SET uid_next = ?, highest_modseq = ?, "
                + "messages = ?, octets = ?, event_seq = ? WHERE id = ?")) {
            p.setLong(1, uidNext);
            p.setLong(2, highestModSeq);
            p.setLong(3, messages);
            p.setLong(4, octets);
            p.setLong(5, eventSeq);
            p.setLong(6, row.id());
            p.executeUpdate();
        }
    }
}
