package io.serai.store.postgres.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.serai.store.api.Mailbox;
import io.serai.store.api.ScramCredential;
import io.serai.store.api.SpecialUse;
import io.serai.store.api.StoreException;
import io.serai.store.api.restore.RestoredMessage;
import io.serai.store.api.restore.StoreRestore;
import io.serai.store.postgres.internal.content.ContentWriter;
import io.serai.store.postgres.internal.content.PreparedContent;
import io.serai.store.postgres.internal.event.ChangeKind;
import io.serai.store.postgres.internal.event.ChangeLog;
import io.serai.store.postgres.internal.write.MailboxCatalog;
import io.serai.store.support.names.Names;

/** Writing what another store holds with its identities (UIDVALIDITY, UIDs, MODSEQs), for serai:store-copy. */
final class PgRestore implements StoreRestore {
    private final PgMailStore store;
    private final ChangeLog log;

    PgRestore(PgMailStore store) {
        this.store = store;
        this.log = new ChangeLog(store.config.schema());
    }

    @Override
    public void restoreAccount(String address, ScramCredential credential) throws StoreException {
        String a = Names.address(address);
        store.db.transaction(c -> {
            ((PgAccounts) store.accounts()).insertAccount(c, a, credential);
            return null;
        });
    }

    @Override
    public Mailbox restoreMailbox(String account, String name, long uidValidity, Optional<SpecialUse> specialUse)
            throws StoreException {
        String a = Names.address(account);
        String n = Names.mailbox(name);
        long id = store.db.transaction(c -> {
            store.requireAccount(c, a);
            MailboxCatalog.reserveUidValidity(c, uidValidity);
            return store.catalog.insert(c, a, n, uidValidity, specialUse);
        });
        return new PgMailbox(store, id, a);
    }

    @Override
    public void restoreMessages(Mailbox mailbox, List<RestoredMessage> messages) throws StoreException {
        PgMailbox target = own(mailbox);
        if (messages.isEmpty()) {
            return;
        }
        List<PreparedContent> contents = new ArrayList<>(messages.size());
        try {
            for (RestoredMessage m : messages) {
                contents.add(PreparedContent.read(m.content().open(), store.config.inlineLimit()));
            }
            store.db.transaction(c -> {
                write(c, target, messages, contents);
                return null;
            });
        } catch (IOException e) {
            throw e instanceof StoreException se ? se : new StoreException("reading a restored message failed", e);
        } finally {
            for (PreparedContent pc : contents) {
                try {
                    pc.close();
                } catch (IOException ignored) {
                    // only a temp file
                }
            }
        }
    }

    private void write(Connection c, PgMailbox target, List<RestoredMessage> messages, List<PreparedContent> contents)
            throws SQLException, StoreException {
        MailboxRow m = MailboxRow.lock(c, target.id());
        long previous = m.uidNext() - 1;
        long maxModSeq = 0;
        long octets = 0;
        long[] uids = new long[messages.size()];
        for (int i = 0; i < uids.length; i++) {
            RestoredMessage r = messages.get(i);
            if (r.uid() <= previous) {
                throw new StoreException("restored UID " + r.uid() + " is not above " + previous + " in " + m.name());
            }
            previous = r.uid();
            uids[i] = r.uid();
            maxModSeq = Math.max(maxModSeq, r.modSeq());
            octets += contents.get(i).size();
        }
        long[] contentIds = ContentWriter.insert(c, contents);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO message (mailbox_id, uid, modseq, internal_date, "
                + "size, flags, keywords, content_id, save_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < uids.length; i++) {
                RestoredMessage r = messages.get(i);
                p.setLong(1, m.id());
                p.setLong(2, r.uid());
                p.setLong(3, r.modSeq());
                p.setTimestamp(4, Timestamp.from(r.internalDate()));
                p.setLong(5, contents.get(i).size());
                p.setInt(6, r.flags().systemBits());
                p.setArray(7, MessageRows.keywords(c, r.flags()));
                p.setLong(8, contentIds[i]);
                // a restore keeps the source's save date, like its UID and MODSEQ (NULL where unknown)
                p.setTimestamp(9, r.savedDate() == null ? null : Timestamp.from(r.savedDate()));
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE mailbox SET uid_next = greatest(uid_next, ?), "
                + "highest_modseq = greatest(highest_modseq, ?), messages = messages + ?, octets = octets + ? "
                + "WHERE id = ?")) {
            p.setLong(1, previous + 1);
            p.setLong(2, maxModSeq);
            p.setLong(3, uids.length);
            p.setLong(4, octets);
            p.setLong(5, m.id());
            p.executeUpdate();
        }
        PgAccounts.update(c, "UPDATE account SET used_octets = used_octets + ?, used_messages = used_messages + ? "
                + "WHERE address = ?", octets, (long) uids.length, m.account());
        log.record(c, m.id(), m.eventSeq(), m.account(), ChangeKind.ADDED, maxModSeq, uids, null, null);
    }

    @Override
    public void restoreCounters(Mailbox mailbox, long uidNext, long highestModSeq) throws StoreException {
        PgMailbox target = own(mailbox);
        store.db.transaction(c -> {
            MailboxRow.lock(c, target.id());
            // the source's expunges are not copied: the log knows nothing up to the copied HIGHESTMODSEQ
            PgAccounts.update(c, "UPDATE mailbox SET uid_next = greatest(uid_next, ?), "
                    + "highest_modseq = greatest(highest_modseq, ?), expunge_floor = greatest(expunge_floor, ?) "
                    + "WHERE id = ?", uidNext, highestModSeq, highestModSeq, target.id());
            return null;
        });
    }

    private PgMailbox own(Mailbox mailbox) throws StoreException {
        if (!(mailbox instanceof PgMailbox m) || m.store() != store) {
            throw new StoreException("not a mailbox of this store");
        }
        return m;
    }
}
